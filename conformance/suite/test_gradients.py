"""gradients: judged against central finite differences of the backend's own forward ops.

No reference gradient is needed: the loss is built twice with the backend
under test, once in floatx to differentiate (``gradients``), once on float64
placeholders to evaluate at ``w +- h`` (``function``). The gradient must match
the finite differences within

    tolerance(floatx) + FINITE_DIFFERENCE_ERROR    (relative, and the same absolute)

``tolerance(floatx)`` (16 epsilons of floatx) absorbs the backend's own
rounding; ``FINITE_DIFFERENCE_ERROR`` (``conformance.differences``) bounds the error of the differences: with
step h = 2**-17 * max(1, |w|) the truncation error is h**2 * |f'''| / 6, and with
inputs in [-1, 1], at most 3x3 features and |tanh'''| <= 2, |f'''| <= 2 * 3 * 3,
so at most 2e-10; the rounding error is about 4 * eps64 * |f| / h with |f| <= 9,
so at most 1e-9. 1e-8 covers both; a sign flipped or a factor lost is off by
the size of the gradient itself.

Route: graph only (placeholders in, ``function`` out). ``gradients`` is
defined on symbolic losses: tf_keras raises ``RuntimeError`` for it under
eager execution (TF2's default, on both routes: its placeholders are Keras
tensors there), and works on TF1 graphs, as classic Keras 2.3 did.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from hypothesis import strategies as st

from conformance.check import given
from conformance.compare import Mismatch, assert_close, tolerance
from conformance.differences import FINITE_DIFFERENCE_ERROR, central_differences
from conformance.inputs import arrays, floats
from conformance.routes import evaluate


def _tanh_layer(K: Any, x: Any, w: Any) -> Any:
    # A per-element loss; the check differentiates its sum, a scalar.
    return K.tanh(K.dot(x, w))


def _gated(K: Any, x: Any, w: Any) -> Any:
    # Products of x and w on both sides of tanh: the chain rule meets the product rule.
    hidden = K.dot(x, w)
    return hidden * K.tanh(hidden * 0.5) + K.dot(x * x, w) * 0.25


LOSSES: dict[str, Callable[[Any, Any, Any], Any]] = {
    "tanh(x.w)": _tanh_layer,
    "h*tanh(h/2) + (x*x).w/4 with h = x.w": _gated,
}


def _finite_differences(backend: Any, loss: Callable, x: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Central differences of ``sum(loss(x, w))`` in w and in x, evaluated in
    float64 by the backend's own ops."""
    x64 = backend.placeholder(shape=(None,) + x.shape[1:], dtype="float64")
    w64 = backend.placeholder(shape=w.shape, dtype="float64")
    forward = backend.function([x64, w64], [loss(backend, x64, w64)])

    def total(xv: np.ndarray, wv: np.ndarray) -> float:
        return float(np.sum(np.asarray(forward([xv, wv])[0], dtype=np.float64)))

    x0, w0 = x.astype(np.float64), w.astype(np.float64)
    return (central_differences(lambda wv: total(x0, wv), w0), central_differences(lambda xv: total(xv, w0), x0))


@pytest.mark.entry("gradients")
@pytest.mark.parametrize("loss_name", list(LOSSES))
@given(data=st.data())
def test_gradients_match_finite_differences(backend, loss_name, data):
    floatx = backend.settings.floatx
    batch, features, units = data.draw(st.tuples(st.integers(1, 3), st.integers(1, 3), st.integers(1, 2)),
                                       label="batch, features, units")
    values = floats(floatx, -1.0, 1.0)
    x = data.draw(arrays(floatx, (batch, features), elements=values), label="x")
    w = data.draw(arrays(floatx, (features, units), elements=values), label="w")
    loss = LOSSES[loss_name]

    def differentiate(xt: Any) -> Any:
        weights = backend.variable(w, dtype=floatx)
        # Keras 2's contract: the loss is a scalar tensor (tf_keras would also sum a non-scalar one).
        return backend.gradients(backend.sum(loss(backend, xt, weights)), [weights, xt])

    what = f"gradients(sum({loss_name}), [w, x]) for x of shape {x.shape}, w of shape {w.shape}"
    found = evaluate(backend, "graph", differentiate, x, what=what)
    if not isinstance(found, list) or len(found) != 2:
        raise Mismatch(f"{what}: expected a list of 2 gradients, got {found!r:.80}")
    expected_w, expected_x = _finite_differences(backend, loss, x, w)
    rtol = tolerance(floatx) + FINITE_DIFFERENCE_ERROR
    assert_close(found[0], expected_w.astype(floatx), f"{what}: the gradient in the variable w", rtol=rtol)
    assert_close(found[1], expected_x.astype(floatx), f"{what}: the gradient in the placeholder x", rtol=rtol)
