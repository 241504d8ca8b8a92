"""From a check's pytest result and its record of calls to one outcome."""

from __future__ import annotations

import types
from types import SimpleNamespace

import numpy as np
import pytest

from conformance.check import Check
from conformance.classify import classify, crash_outcome
from conformance.compare import Mismatch, Unsupported
from conformance.outcomes import PRESENCE_CHECK, Aspect, OutcomeKind
from conformance.recording import EntryHung, EntryMissing, RecordingBackend
from conformance.untrusted_text import MESSAGE_LIMIT
from conformance.watchdog import CheckTimeout


def item(entry: str = "abs", aspect: Aspect = Aspect.BEHAVIOUR, name: str = "test_abs[eager]"):
    marker = SimpleNamespace(args=(entry,), kwargs={"aspect": aspect})
    return SimpleNamespace(nodeid=f"suite.py::{name}", name=name,
                           get_closest_marker=lambda wanted: marker if wanted == "entry" else None)


def phase(error: BaseException | None = None, when: str = "call"):
    call = SimpleNamespace(when=when, excinfo=None if error is None else SimpleNamespace(value=error))
    report = SimpleNamespace(passed=error is None, skipped=isinstance(error, pytest.skip.Exception),
                             longrepr=("suite.py", 3, f"Skipped: {error}") if error is not None else None)
    return call, report


@pytest.fixture
def backend() -> RecordingBackend:
    module = types.ModuleType("toy")
    module.variable = lambda value, dtype=None, name=None, constraint=None: SimpleNamespace(value=np.asarray(value))
    module.abs = lambda x: SimpleNamespace(value=np.abs(x.value))

    def log(x):
        raise ValueError("log of <Tensor at 0x7f3a9c2b1d90> named 'input_13'")
    module.log = log
    return RecordingBackend(module, Check(guards=[]))


def test_a_check_that_met_an_evaluator_no_longer_called_judged_nothing_whatever_it_made_of_it(backend):
    backend.module.eval = lambda x: x.value
    backend.hang_in("eval", "test_a")
    backend.hang_in("eval", "test_b")
    with pytest.raises(EntryHung) as raised:  # a check expecting an error sees this one, and fails
        backend.eval(backend.variable([1.0]))
    failed = Mismatch(f"expected ValueError, got {raised.value!r}")
    outcome = classify(item(), *phase(failed), backend.check, "toy")
    assert (outcome.hung_in, outcome.raised_by) == ("test_a and test_b", "eval")


def test_a_passing_check_notes_every_entry_it_relied_on(backend):
    backend.abs(backend.variable([1.0]))
    backend.check.start_example()
    outcome = classify(item(), *phase(), backend.check, "toy")
    assert outcome.kind is OutcomeKind.PASSED and outcome.involved == ("variable",) and outcome.examples == 1


def test_an_error_escaping_a_backend_call_is_that_call_s_error(backend):
    with pytest.raises(ValueError) as raised:
        backend.log(backend.variable([1.0]))
    outcome = classify(item("log", name="test_log"), *phase(raised.value), backend.check, "toy")
    assert outcome.kind is OutcomeKind.ERROR
    # Addresses and creation-order numbers vary from run to run; the report must not.
    assert outcome.message == ("K.log(t1) raised ValueError: log of <Tensor at 0x…> named 'input_…'")
    assert outcome.reproduction.splitlines()[-1] == "K.log(t1)  # raised ValueError"


def test_a_message_is_capped_and_encodable_whatever_the_backend_put_in_it(backend):
    huge = "byte \udc80 " + "x" * 10_000_000

    def log(x):
        raise ValueError(huge)

    backend.module.log = log
    with pytest.raises(ValueError) as raised:
        backend.log(backend.variable([1.0]))
    raised_by_the_backend = classify(item("log", name="test_log"), *phase(raised.value), backend.check, "toy")
    judged_by_the_check = classify(item(), *phase(Mismatch(f"expected 1.0, got {huge}")), backend.check, "toy")
    for outcome in (raised_by_the_backend, judged_by_the_check):
        assert "byte \\udc80 xxx" in outcome.message and outcome.message.endswith(" more characters cut]")
        assert len(outcome.message) < MESSAGE_LIMIT + 100
        outcome.message.encode("utf-8")


@pytest.mark.parametrize("error, kind, fragment", [
    (Mismatch("abs(x): expected 1.0, got -1.0"), OutcomeKind.MISMATCH, "abs(x): expected 1.0, got -1.0"),
    (Unsupported("signature lacks the newer parameter(s) ragged"), OutcomeKind.UNSUPPORTED, "ragged"),
    (CheckTimeout("the check did not finish within 1 s"), OutcomeKind.ERROR, "the check: the check did not finish"),
    (TypeError("'Tensor' object is not subscriptable"), OutcomeKind.MISMATCH,
     "the check could not use the backend's answer: TypeError: 'Tensor' object is not subscriptable"),
])
def test_how_the_check_failed_decides_the_kind(backend, error, kind, fragment):
    outcome = classify(item(), *phase(error), backend.check, "toy")
    assert outcome.kind is kind and fragment in outcome.message, outcome.message


def test_a_missing_entry_names_itself(backend):
    outcome = classify(item("dot", Aspect.PRESENCE), *phase(EntryMissing("dot")), backend.check, "toy")
    assert (outcome.kind, outcome.missing_entry, outcome.check) == (OutcomeKind.MISSING, "dot", PRESENCE_CHECK)


def test_a_skip_is_a_skip(backend):
    outcome = classify(item(), *phase(pytest.skip.Exception("optional and not defined")), backend.check, "toy")
    assert outcome.kind is OutcomeKind.SKIPPED and "optional and not defined" in outcome.message


def test_a_failure_outside_the_call_says_when(backend):
    outcome = classify(item(), *phase(Mismatch("changed the configuration"), when="teardown"), backend.check, "toy")
    assert outcome.message == "during teardown: changed the configuration"


def test_a_crashed_check_is_an_error_of_the_entry_being_called():
    data = crash_outcome(item("rnn"), "was killed by SIGSEGV", ["placeholder", "tanh", "rnn", "tanh"])
    assert data["kind"] == "error"
    assert data["message"] == "the check's process was killed by SIGSEGV during a call of tanh"
    assert data["involved"] == ["placeholder", "tanh"]
