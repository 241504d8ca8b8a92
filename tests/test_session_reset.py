"""The reset between checks (``conformance.session_reset``): it clears a working backend's session,
and a broken ``clear_session`` costs no other entry its verdict."""

from __future__ import annotations

import importlib

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
