"""The culprit search's pieces: how a replayed answer is compared, and rnn's contract as a loop
over a step function (it must agree with the reference's rnn, which the per-entry checks judge)."""

from __future__ import annotations

import numpy as np
import pytest

import reference_backend as K
from conformance.models.replay import differs
from conformance.models.rnn_loop import rnn_by_steps


def test_differs_names_the_worst_element_and_accepts_the_default_tolerance():
    assert differs(np.float32([1, 2]), np.float32([1, 2 + 1e-7])) is None
    why = differs(np.float32([1, 2]), np.float32([1, 3]))
    assert why is not None and "index (1,)" in why and "expected 3.0, got 2.0" in why
    assert differs(np.array(4), np.array(3)) == "at index (): expected 3, got 4"
    assert differs([np.float32(1)], [np.float32(1), np.float32(2)]) == "1 results, expected 2"
    assert differs(np.float32([np.nan]), np.float32([1])) is not None


@pytest.mark.parametrize("go_backwards", [False, True])
def test_the_loop_agrees_with_the_reference_rnn_under_a_mask(go_backwards):
    rng = np.random.RandomState(0)
    inputs = rng.uniform(-1, 1, (2, 4, 3)).astype("float32")
    mask = np.array([[1, 1, 0, 0], [1, 0, 1, 1]], bool)
    kernel = K.variable(rng.uniform(-1, 1, (3, 2)).astype("float32"))

    def step(x, states):
        h = K.tanh(K.dot(x, kernel) + states[0])
        return h, [h]

    initial = np.zeros((2, 2), "float32")
    expected = K.rnn(step, K.variable(inputs), [K.variable(initial)], go_backwards=go_backwards,
                     mask=K.variable(mask))
    last, outputs, states = rnn_by_steps(K, step, inputs, [initial], go_backwards=go_backwards, mask=mask)
    np.testing.assert_allclose(last, K.eval(expected[0]), rtol=1e-6)
    np.testing.assert_allclose(outputs, K.eval(expected[1]), rtol=1e-6)
    np.testing.assert_allclose(states[0], K.eval(expected[2][0]), rtol=1e-6)
