"""session: uids, clear_session, is_keras_tensor, the learning phase."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from conformance.compare import Mismatch, assert_equal, expect_raises
from conformance.families import CLASSIC, TF_KERAS, Answer, agree, attempt, either
from conformance.fresh_import import settings_after_import

_fresh = itertools.count()


def fresh_prefix() -> str:
    """A uid prefix no other check of this process uses."""
    return f"conformance_prefix_{next(_fresh)}"


@pytest.mark.entry("get_uid")
def test_get_uid_counts_from_one_per_prefix(backend):
    prefix, other = fresh_prefix(), fresh_prefix()
    got = [backend.get_uid(prefix) for _ in range(3)]
    assert_equal(got, [1, 2, 3], f"three get_uid({prefix!r}) calls on a new prefix")
    assert_equal(backend.get_uid(other), 1, f"get_uid({other!r}) on another new prefix")


@pytest.mark.entry("get_uid")
def test_get_uid_default_prefix_is_empty_string(backend):
    first = backend.get_uid()
    assert_equal(backend.get_uid(""), first + 1, "get_uid('') right after get_uid() (they share one counter)")


@pytest.mark.entry("reset_uids")
def test_reset_uids_restarts_every_prefix(backend):
    prefix, other = fresh_prefix(), fresh_prefix()
    backend.get_uid(prefix), backend.get_uid(prefix), backend.get_uid(other)
    backend.reset_uids()
    assert_equal(backend.get_uid(prefix), 1, f"get_uid({prefix!r}) after reset_uids()")
    assert_equal(backend.get_uid(other), 1, f"get_uid({other!r}) after reset_uids()")


@pytest.mark.entry("clear_session")
def test_clear_session_resets_uids(backend):
    prefix = fresh_prefix()
    backend.get_uid(prefix), backend.get_uid(prefix)
    backend.clear_session()
    assert_equal(backend.get_uid(prefix), 1, f"get_uid({prefix!r}) after clear_session()")


@pytest.mark.entry("clear_session")
def test_clear_session_keeps_the_configuration(backend):
    floatx = "float64" if backend.settings.floatx != "float64" else "float16"
    data_format = "channels_first" if backend.settings.image_data_format == "channels_last" else "channels_last"
    backend.set_floatx(floatx)
    backend.set_epsilon(1e-3)
    backend.set_image_data_format(data_format)
    backend.clear_session()
    assert_equal(backend.floatx(), floatx, "floatx() after clear_session()")
    assert_equal(backend.epsilon(), 1e-3, "epsilon() after clear_session()")
    assert_equal(backend.image_data_format(), data_format, "image_data_format() after clear_session()")


@pytest.mark.entry("is_keras_tensor")
@pytest.mark.parametrize("value", [np.zeros(3), 1.5, 3, [1.0, 2.0]], ids=["ndarray", "float", "int", "list"])
def test_is_keras_tensor_rejects_non_tensors(backend, value):
    with expect_raises(ValueError, f"is_keras_tensor({value!r})"):
        backend.is_keras_tensor(value)


@pytest.mark.entry("is_keras_tensor")
@pytest.mark.parametrize("creator", ["variable", "constant"])
def test_is_keras_tensor_false_for_concrete_tensors(backend, creator):
    tensor = getattr(backend, creator)(np.ones((2, 3)))
    assert_equal(bool(backend.is_keras_tensor(tensor)), False, f"is_keras_tensor({creator}(...))")


@pytest.mark.entry("is_keras_tensor")
def test_is_keras_tensor_of_a_placeholder(backend):
    # tf_keras (TF2): a placeholder is a KerasTensor, True; classic Keras 2.3: only a layer's output has
    # _keras_history (TF231:699), False (BT asserts it).
    placeholder = backend.placeholder(shape=(2, 3))
    found = attempt(lambda: backend.is_keras_tensor(placeholder))
    if found.error is None:
        found.result = np.asarray(bool(found.result))
    answers = [(TF_KERAS, Answer(np.asarray(True))), (CLASSIC, Answer(np.asarray(False)))]
    backend.check.follow("is_keras_tensor(placeholder)",
                         agree(found, answers, backend.contract, "is_keras_tensor(placeholder(shape=(2, 3)))"))


@pytest.mark.entry("learning_phase")
def test_learning_phase_right_after_import(backend, fresh_imports):
    # Judged in a new interpreter: in this one, other checks may have set the phase. tf_keras answers
    # 0 (inference); classic Keras 2.3 a symbolic placeholder that function() is fed (TF231, Theano),
    # on which Keras' training loop relies (keras/engine/training.py:309-310).
    value = settings_after_import(fresh_imports, "default")["learning_phase"]

    def inference() -> None:
        if value is True or value is False or value != 0:
            raise Mismatch(f"learning_phase() right after import: expected 0, got {value!r}")

    def symbolic() -> None:
        if isinstance(value, (bool, int, float)):
            raise Mismatch(f"learning_phase() right after import: expected a symbolic tensor, got {value!r}")

    backend.check.follow("learning_phase() after import",
                         either([(TF_KERAS, inference), (CLASSIC, symbolic)], backend.contract, "learning_phase()"))


@pytest.mark.entry("set_learning_phase")
@pytest.mark.parametrize("value", [1, 0])
def test_set_learning_phase_round_trip(backend, value):
    backend.set_learning_phase(value)
    assert_equal(int(backend.learning_phase()), value, f"learning_phase() after set_learning_phase({value})")


@pytest.mark.entry("set_learning_phase")
@pytest.mark.parametrize("value", [2, -1, 0.5, "train", None])
def test_set_learning_phase_rejects_anything_else(backend, value):
    before = backend.learning_phase()
    with expect_raises(ValueError, f"set_learning_phase({value!r})"):
        backend.set_learning_phase(value)
    assert_equal(backend.learning_phase(), before, f"learning_phase() after the rejected set_learning_phase({value!r})")
