"""The reset between checks and examples (``conformance.session_reset``): it clears a working
backend's session, proves once per process that the backend still works after it, and a broken
``clear_session`` costs no other entry its verdict."""

from __future__ import annotations

import importlib
from types import ModuleType

import numpy as np
import pytest

import reference_backend
from conformance.session_reset import SessionReset


def test_the_reference_is_reset_and_stays_usable():
    reference_backend.get_uid("session_reset_test")
    assert SessionReset(reference_backend)()
    assert reference_backend.get_uid("session_reset_test") == 1  # clear_session ran
    assert np.array_equal(reference_backend.eval(reference_backend.variable([1.0, 2.0])), [1.0, 2.0])


@pytest.mark.parametrize("name", ["misbehaving_backends.clear_session_closes_the_session",
                                  "broken_backends.clear_session_resets_config"])
def test_a_reset_that_breaks_the_backend_is_refused(name):
    module = importlib.import_module(name)
    floatx = module.floatx()
    module.set_floatx("float64")  # which clear_session_resets_config's clear_session does not keep
    try:
        assert not SessionReset(module)()
    finally:
        module.set_floatx(floatx)


def test_a_backend_without_clear_session_is_not_reset():
    assert not SessionReset(importlib.import_module("allowed_backends.lacks_clear_session")).available


def test_a_broken_clear_session_spreads_to_no_other_entry(run_suite_subprocess):
    # Without the trust test, every check after the first reset would find eval raising.
    run = run_suite_subprocess("--backend=misbehaving_backends.clear_session_closes_the_session",
                               "--entries=clear_session,abs,exp,sum,concatenate")
    assert set(run.statuses("conform")) == {"abs", "exp", "sum", "concatenate"}, run.output
    assert set(run.statuses("mismatch", "error")) == {"clear_session"}, run.output


def _counting(clear_session_keeps_floatx: bool = True) -> tuple[ModuleType, dict[str, int]]:
    """The reference's configuration, ``variable`` and ``eval``, counting ``clear_session`` and ``eval`` calls."""
    calls = {"clear_session": 0, "eval": 0}
    module = ModuleType("counting_backend")
    for name in ("floatx", "epsilon", "image_data_format", "variable"):
        setattr(module, name, getattr(reference_backend, name))

    def clear_session():
        calls["clear_session"] += 1
        if not clear_session_keeps_floatx and calls["clear_session"] > 1:
            module.floatx = lambda: "float16"

    def eval(x):
        calls["eval"] += 1
        return reference_backend.eval(x)

    module.clear_session, module.eval = clear_session, eval
    return module, calls


def test_the_backend_is_proven_to_work_after_the_first_reset_only():
    module, calls = _counting()
    reset = SessionReset(module)
    assert reset() and calls == {"clear_session": 1, "eval": 1}
    assert reset() and reset() and calls == {"clear_session": 3, "eval": 1}


def test_examples_are_reset_only_once_the_reset_is_proven():
    module, calls = _counting()
    reset = SessionReset(module)
    reset.between_examples()
    assert calls["clear_session"] == 0
    assert reset()
    reset.between_examples()
    reset.between_examples()
    assert calls == {"clear_session": 3, "eval": 1}


def test_a_failed_reset_ends_the_resets_of_the_process():
    module, calls = _counting(clear_session_keeps_floatx=False)
    reset = SessionReset(module)
    assert reset()
    reset.between_examples()  # floatx changes: the reset fails
    assert reset.failed
    reset.between_examples()
    assert not reset() and calls["clear_session"] == 2


def test_a_run_clears_the_session_before_each_example_when_asked(run_suite_subprocess, tmp_path):
    def run_logging(*options: str) -> tuple[int, dict]:
        log = tmp_path / f"sessions{len(options)}.log"
        run = run_suite_subprocess("--backend=session_logging_backend", "--entries=abs,exp", *options,
                                   env={"SESSION_LOG": str(log)})
        assert run.statuses() == {"abs": "conform", "exp": "conform"}, run.output
        return len(log.read_text().splitlines()) if log.exists() else 0, run.report

    clears, report = run_logging()
    assert clears < report["checks"]  # between checks only, one proof
    clears, report = run_logging("--clear-between-examples")
    assert report["checks"] < report["hypothesis_examples"] / 2 < clears, (report["checks"], clears)

