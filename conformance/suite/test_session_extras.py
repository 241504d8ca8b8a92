"""session and config leftovers: learning_phase_scope, manual_variable_initialization,
backend, and classic Keras 2.3's symbolic/eager decorators.

Not judged: get_session, set_session (tf.compat.v1 only) and experimental.* are
TensorFlow-session specific. Every check leaves the learning phase as it found
it (the config guard also restores it, even when learning_phase_scope does not).
"""

from __future__ import annotations

import pytest

from conformance.compare import Mismatch, assert_equal, expect_raises
from conformance.markers import per_entry


def _phase(backend) -> int:
    return int(backend.learning_phase())


@pytest.mark.entry("learning_phase_scope")
@pytest.mark.parametrize("before", [0, 1])
@pytest.mark.parametrize("value", [0, 1])
def test_learning_phase_scope_sets_and_restores(backend, before, value):
    backend.set_learning_phase(before)
    with backend.learning_phase_scope(value):
        assert_equal(_phase(backend), value, f"learning_phase() inside learning_phase_scope({value})")
    assert_equal(_phase(backend), before,
                 f"learning_phase() after learning_phase_scope({value}) ends, set to {before} before")


@pytest.mark.entry("learning_phase_scope")
@pytest.mark.parametrize("value", [0, 1])
def test_learning_phase_scope_restores_after_an_exception(backend, value):
    backend.set_learning_phase(1 - value)
    with expect_raises(LookupError, f"a LookupError raised inside learning_phase_scope({value})"):
        with backend.learning_phase_scope(value):
            raise LookupError("raised by the check inside the block")
    assert_equal(_phase(backend), 1 - value,
                 f"learning_phase() after learning_phase_scope({value}) ended by an exception, "
                 f"set to {1 - value} before")


@pytest.mark.entry("learning_phase_scope")
@pytest.mark.parametrize("value", [2, -1, 0.5, None, "train"])
def test_learning_phase_scope_rejects_anything_but_0_and_1(backend, value):
    # From a phase set, not the one after import: on graph backends that is a placeholder, no number.
    backend.set_learning_phase(1)
    with expect_raises(ValueError, f"learning_phase_scope({value!r})"):
        with backend.learning_phase_scope(value):
            pass
    assert_equal(_phase(backend), 1, f"learning_phase() after the rejected learning_phase_scope({value!r}), "
                 "set to 1 before")


@pytest.mark.entry("manual_variable_initialization")
def test_manual_variable_initialization_accepts_a_bool(backend):
    # Its effect concerns TF1 sessions only; what every backend must do is accept the flag.
    try:
        backend.manual_variable_initialization(True)
    finally:
        backend.manual_variable_initialization(False)  # the default, for the checks that follow


@pytest.mark.entry("backend")
def test_backend_names_itself_with_a_string(backend):
    name = backend.backend()
    if not isinstance(name, str) or not name:
        raise Mismatch(f"backend(): expected a non-empty string, got {name!r:.80}")
    assert_equal(backend.backend(), name, "backend() called a second time")


def _combine(a: int, b: int = 1) -> int:
    return a * 10 + b


@pytest.mark.parametrize("entry", per_entry(("symbolic", "eager")))
def test_decorator_answers_a_callable_computing_the_same(backend, entry):
    decorated = getattr(backend, entry)(_combine)
    if not callable(decorated):
        raise Mismatch(f"{entry}(func): expected a callable, got {decorated!r:.80}")
    assert_equal(decorated(3), 31, f"{entry}(func)(3) where func(a, b=1) = a * 10 + b")
    assert_equal(decorated(3, b=4), 34, f"{entry}(func)(3, b=4) where func(a, b=1) = a * 10 + b")
