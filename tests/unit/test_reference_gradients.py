"""The reference's exact gradients: every differentiable entry against central finite
differences in float64 at points away from its kinks, and the kink conventions pinned."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytest

import reference_backend as K
from conformance.catalogue import CATALOGUE
from conformance.catalogue.derivatives import DIFFERENTIABLE, Kink
from reference_backend import classic
from reference_backend.gradients import gradient_of_call

STEP = 2.0 ** -17
TOLERANCE = 1e-6  # relative and absolute: central differences of O(1) functions are good to ~1e-9


@dataclass
class Case:
    """A call of ``entry`` and the parameters to differentiate, at a point away from kinks."""

    name: str
    entry: Callable
    args: tuple
    kwargs: dict = field(default_factory=dict)
    wrt: tuple[str, ...] = ("x",)
    # Steps are relative to max(scale, |value|); functions computed in float32 are differenced
    # with a large step, which their linearity allows, and judged within float32's rounding.
    scale: float = 1.0
    step: float = STEP
    tolerance: float = TOLERANCE

    def __str__(self) -> str:
        return self.name


def _float_results(result: Any) -> list[np.ndarray]:
    if isinstance(result, (list, tuple)):
        return [r for item in result for r in _float_results(item)]
    array = np.asarray(result)
    return [array.astype(np.float64)] if array.dtype.kind == "f" else []


def _weights(entry: Callable, args: tuple, kwargs: dict) -> list[np.ndarray]:
    """Fixed random weights for each float result: a weighted sum exposes more than the plain sum."""
    rng = np.random.default_rng(7)
    return [rng.uniform(0.5, 1.5, r.shape) for r in _float_results(entry(*args, **kwargs))]


def _weighted_total(entry: Callable, bound: inspect.BoundArguments, weights: list[np.ndarray]) -> float:
    results = _float_results(entry(*bound.args, **bound.kwargs))
    return float(sum(np.sum(w * r) for w, r in zip(weights, results)))


def finite_differences(case: Case, name: str, weights: list) -> Any:
    """Central differences of the weighted sum of ``case.entry``'s float results in parameter
    ``name`` (a list parameter gives a list)."""
    entry = case.entry
    bound = inspect.signature(entry).bind(*case.args, **case.kwargs)
    original = bound.arguments[name]
    pieces = list(original) if isinstance(original, (list, tuple)) else [original]
    gradients = []
    for k, piece in enumerate(pieces):
        point = np.asarray(piece, np.float64)
        gradient = np.zeros(point.shape)
        for index in np.ndindex(point.shape):
            h = case.step * max(case.scale, abs(point[index]))
            totals = []
            for sign in (1, -1):
                moved = point.copy()
                moved[index] += sign * h
                bound.arguments[name] = [moved if i == k else p for i, p in enumerate(pieces)] \
                    if isinstance(original, (list, tuple)) else moved
                totals.append(_weighted_total(entry, bound, weights))
            gradient[index] = (totals[0] - totals[1]) / (2 * h)
        gradients.append(gradient)
    bound.arguments[name] = original
    return gradients if isinstance(original, (list, tuple)) else gradients[0]


def _cotangent(entry: Callable, args: tuple, kwargs: dict, weights: list) -> Any:
    """The weights in the structure of ``entry``'s result (None for results that are not float)."""
    found = iter(weights)

    def mirror(result: Any) -> Any:
        if isinstance(result, (list, tuple)):
            return [mirror(item) for item in result]
        return next(found) if np.asarray(result).dtype.kind == "f" else None

    return mirror(entry(*args, **kwargs))


def assert_gradients(case: Case) -> None:
    weights = _weights(case.entry, case.args, case.kwargs)
    exact = gradient_of_call(case.entry, case.args, case.kwargs, case.wrt,
                             cotangent=_cotangent(case.entry, case.args, case.kwargs, weights))
    for name in case.wrt:
        expected = finite_differences(case, name, weights)
        found = exact[name]
        for e, f in zip(expected, found) if isinstance(expected, list) else [(expected, found)]:
            assert f is not None, f"{case}: no gradient in {name}"
            np.testing.assert_allclose(f, e, rtol=case.tolerance, atol=case.tolerance,
                                       err_msg=f"{case}: gradient in {name}")


def _values(*shape: int, low: float = -2.0, high: float = 2.0, seed: int = 0) -> np.ndarray:
    """Values drawn away from 0 and from each other (no ties, no kinks at 0)."""
    rng = np.random.default_rng(seed)
    magnitudes = rng.uniform(0.1, 1.0, shape) * (high - low) / 2
    signs = np.where(rng.uniform(size=shape) < 0.5, -1.0, 1.0)
    return np.clip(magnitudes * signs + (high + low) / 2, low, high)


def _positive(*shape: int, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).uniform(0.2, 2.0, shape)


def _probabilities(*shape: int, seed: int = 0) -> np.ndarray:
    p = np.random.default_rng(seed).uniform(0.1, 1.0, shape)
    return p / p.sum(axis=-1, keepdims=True)


X = _values(2, 3)
Y = _values(2, 3, seed=1)

ELEMENTWISE = [
    Case("square", K.square, (X,)),
    Case("abs", K.abs, (X,)),
    Case("sqrt", K.sqrt, (X,)),
    Case("exp", K.exp, (X,)),
    Case("log", K.log, (_positive(2, 3),)),
    Case("pow number", K.pow, (_positive(2, 3), 2.5)),
    Case("pow tensor", K.pow, (_positive(2, 3), Y), wrt=("x", "a")),
    Case("clip numbers", K.clip, (X, -0.5, 0.5)),
    Case("clip tensors", K.clip, (X, np.full(3, -0.5), np.full((2, 3), 0.7)), wrt=("x", "min_value", "max_value")),
    Case("clip crossed tensors", K.clip, (X, np.full(3, 0.7), np.full((2, 3), -0.5)),
         wrt=("x", "min_value", "max_value")),  # the lower bound wins, and takes the whole gradient
    Case("maximum", K.maximum, (X, Y), wrt=("x", "y")),
    Case("minimum broadcast", K.minimum, (X, Y[0]), wrt=("x", "y")),
    Case("sin", K.sin, (X,)),
    Case("cos", K.cos, (X,)),
    Case("operators", lambda x, y: (x + y) * x - y / (x * x + 1.0) + (-x) ** 2.0 + x[1], (X, Y), wrt=("x", "y")),
    Case("power of a tensor", lambda x, y: x ** y, (_positive(2, 3), Y), wrt=("x", "y")),
]

A = _values(2, 3, 4, seed=3)
REDUCTIONS = [
    Case("sum", K.sum, (A, 1)),
    Case("sum keepdims", K.sum, (A, [0, 2], True)),
    Case("mean", K.mean, (A, -1)),
    Case("mean all", K.mean, (A,)),
    Case("max", K.max, (A, 1)),
    Case("min keepdims", K.min, (A, [0, 2], True)),
    Case("prod", K.prod, (A, 2)),
    Case("prod all", K.prod, (_values(2, 3, seed=4),)),
    Case("var", K.var, (A, 1)),
    Case("std", K.std, (A, [0, 1], True)),
    Case("cumsum", K.cumsum, (A, 1)),
    Case("cumprod", K.cumprod, (A, -1)),
    Case("logsumexp", K.logsumexp, (A, 1)),
    Case("logsumexp all", K.logsumexp, (A,)),
    # Two maxima near the float range's top, where logsumexp rounds to the maximum itself.
    Case("logsumexp near overflow", K.logsumexp, (np.array([1e300, 1e300, -1.0]),)),
]

LINALG = [
    Case("dot 2-D", K.dot, (X, _values(3, 4, seed=5)), wrt=("x", "y")),
    Case("dot N-D", K.dot, (_values(2, 2, 3), _values(4, 3, 2, seed=5)), wrt=("x", "y")),
    Case("dot matrix vector", K.dot, (X, _values(3, seed=5)), wrt=("x", "y")),
    Case("dot vector N-D", K.dot, (_values(3), _values(2, 3, 4, seed=5)), wrt=("x", "y")),
    Case("batch_dot", K.batch_dot, (_values(2, 3, 4), _values(2, 4, 5, seed=5)), wrt=("x", "y")),
    Case("batch_dot axes", K.batch_dot, (_values(2, 3, 4), _values(2, 2, 3, seed=5), (1, 2)), wrt=("x", "y")),
    Case("batch_dot vectors", K.batch_dot, (_values(2, 3), _values(2, 3, seed=5)), wrt=("x", "y")),
    Case("transpose", K.transpose, (A,)),
]

SHAPES = [
    Case("reshape", K.reshape, (A, (4, -1))),
    Case("permute_dimensions", K.permute_dimensions, (A, (2, 0, 1))),
    Case("concatenate", K.concatenate, ([X, Y, _values(2, 1)], -1), wrt=("tensors",)),
    Case("stack", K.stack, ([X, Y], 1)),
    Case("expand_dims", K.expand_dims, (X, 1)),
    Case("squeeze", K.squeeze, (_values(2, 1, 3), 1)),
    Case("flatten", K.flatten, (A,)),
    Case("batch_flatten", K.batch_flatten, (A,)),
    Case("tile", K.tile, (X, (2, 3))),
    Case("repeat", K.repeat, (X, 3)),
    Case("repeat_elements", K.repeat_elements, (A, 2, 1)),
    Case("reverse", K.reverse, (A, [0, 2])),
    Case("gather", K.gather, (X, np.array([1, 0, 1])), wrt=("reference",)),
    Case("slice", K.slice, (A, (0, 1, 1), (2, -1, 2))),
    Case("temporal_padding", K.temporal_padding, (A, (1, 2))),
    Case("spatial_2d_padding", K.spatial_2d_padding, (_values(1, 2, 3, 2), ((1, 0), (0, 2)), "channels_last")),
    Case("spatial_3d_padding", K.spatial_3d_padding,
         (_values(1, 2, 2, 1, 2), ((1, 0), (0, 1), (1, 1)), "channels_first")),
    Case("tile classic", classic.tile, (X, 2)),
]


P = _probabilities(2, 3)
T = _probabilities(2, 3, seed=9)
NN = [
    Case("relu", K.relu, (X,)),
    Case("relu alpha", K.relu, (X,), {"alpha": 0.3}),
    Case("relu max_value", K.relu, (X,), {"max_value": 1.0}),
    Case("relu6", K.relu, (X * 4,), {"max_value": 6.0}),
    Case("relu threshold alpha max", K.relu, (X,), {"alpha": 0.2, "threshold": 0.05, "max_value": 1.2}),
    Case("relu negative threshold", K.relu, (X,), {"threshold": -1.0}),
    Case("elu", K.elu, (X, 0.7)),
    Case("softmax", K.softmax, (A,)),
    Case("softmax axes", K.softmax, (A, [0, 2])),
    Case("softplus", K.softplus, (X,)),
    Case("softsign", K.softsign, (X,)),
    Case("sigmoid", K.sigmoid, (X,)),
    Case("hard_sigmoid", K.hard_sigmoid, (X * 2,)),
    Case("tanh", K.tanh, (X,)),
    Case("l2_normalize", K.l2_normalize, (A, 1)),
    Case("l2_normalize all", K.l2_normalize, (A,)),
    Case("l2_normalize below the floor", K.l2_normalize, (X * 1e-7, -1), scale=1e-7),
    Case("batch_normalization", K.batch_normalization,
         (A, _values(4, seed=2), _positive(4), _values(4, seed=3), _values(4, seed=4)),
         wrt=("x", "mean", "var", "beta", "gamma")),
    Case("batch_normalization no beta gamma", K.batch_normalization, (A, 0.3, 1.5, None, None)),
    Case("normalize_batch_in_training", K.normalize_batch_in_training,
         (A, _values(3, seed=2), _values(3, seed=5), [0, 2]), wrt=("x", "gamma", "beta")),
    Case("normalize_batch_in_training fused", K.normalize_batch_in_training,
         (_values(2, 2, 2, 3), _values(3, seed=2), None, [0, 1, 2]), wrt=("x", "gamma")),
    Case("classic softmax rank 1", classic.softmax, (_values(4),)),
]

LOSSES = [
    Case("categorical_crossentropy", K.categorical_crossentropy, (T, P * 1.5), wrt=("target", "output")),
    Case("categorical_crossentropy logits", K.categorical_crossentropy, (T * 2, X, True), wrt=("target", "output")),
    Case("categorical_crossentropy axis 0", K.categorical_crossentropy, (T.T, P.T, False, 0), wrt=("output",)),
    Case("sparse_categorical_crossentropy", K.sparse_categorical_crossentropy, (np.array([2, 0]), P),
         wrt=("output",)),
    Case("sparse_categorical_crossentropy logits axis", K.sparse_categorical_crossentropy,
         (np.array([[1, 0]]), _values(1, 3, 2), True, 1), wrt=("output",)),
    Case("sparse_categorical_crossentropy ignore_class", K.sparse_categorical_crossentropy,
         (np.array([2, 1]), X, True, -1, 1), wrt=("output",)),
    Case("binary_crossentropy", K.binary_crossentropy, (T, P), wrt=("target", "output")),
    Case("binary_crossentropy logits", K.binary_crossentropy, (T, X, True), wrt=("target", "output")),
    Case("binary_crossentropy, Theano's way", classic.CONVENTIONS["binary_crossentropy"][0][1], (T, P),
         wrt=("target", "output")),
    Case("binary_crossentropy logits, Theano's way", classic.CONVENTIONS["binary_crossentropy"][0][1], (T, X, True),
         wrt=("target", "output")),
    Case("binary_focal_crossentropy", K.binary_focal_crossentropy, (T, P), wrt=("target", "output")),
    Case("binary_focal_crossentropy balanced, gamma 3.5", K.binary_focal_crossentropy, (T, P, True, 0.9, 3.5),
         wrt=("target", "output")),
    Case("binary_focal_crossentropy logits, gamma 1", K.binary_focal_crossentropy, (T, X, True, 0.25, 1.0, True),
         wrt=("target", "output")),
    Case("binary_focal_crossentropy gamma 0", K.binary_focal_crossentropy, (T, X, False, 0.25, 0.0, True),
         wrt=("target", "output")),
    Case("categorical_focal_crossentropy", K.categorical_focal_crossentropy, (T, P * 1.5), wrt=("target", "output")),
    Case("categorical_focal_crossentropy logits axis 0, gamma 3.5", K.categorical_focal_crossentropy,
         (T.T, X.T, 0.5, 3.5, True, 0), wrt=("target", "output")),
    Case("categorical_focal_crossentropy gamma 0", K.categorical_focal_crossentropy, (T, P, 1.0, 0.0),
         wrt=("target", "output")),
]

IMAGE = _values(2, 5, 4, 3)
CONV = [
    Case("conv1d", K.conv1d, (_values(2, 6, 3), _values(3, 3, 2, seed=1)), wrt=("x", "kernel")),
    Case("conv1d causal dilated", K.conv1d, (_values(2, 6, 3), _values(2, 3, 2, seed=1), 1, "causal", None, 2),
         wrt=("x", "kernel")),
    Case("conv2d same strided", K.conv2d, (IMAGE, _values(3, 2, 3, 2, seed=1), (2, 2), "same"), wrt=("x", "kernel")),
    Case("conv2d channels_first dilated", K.conv2d,
         (_values(1, 3, 5, 5), _values(2, 2, 3, 2, seed=1), (1, 1), "valid", "channels_first", (2, 1)),
         wrt=("x", "kernel")),
    Case("conv3d", K.conv3d, (_values(1, 3, 3, 4, 2), _values(2, 2, 2, 2, 2, seed=1), (1, 1, 2), "same"),
         wrt=("x", "kernel")),
    Case("conv2d_transpose", K.conv2d_transpose,
         (_values(2, 3, 2, 2), _values(3, 3, 3, 2, seed=1), (2, 5, 4, 3), (2, 2), "same"), wrt=("x", "kernel")),
    Case("conv2d_transpose dilated channels_first", K.conv2d_transpose,
         (_values(1, 2, 2, 3), _values(2, 2, 1, 2, seed=1), (1, 1, 4, 5), (1, 1), "valid", "channels_first",
          (2, 2)), wrt=("x", "kernel")),
    Case("conv3d_transpose", K.conv3d_transpose,
         (_values(1, 2, 2, 2, 2), _values(2, 2, 2, 3, 2, seed=1), (1, 3, 3, 4, 3), (1, 1, 2), "valid"),
         wrt=("x", "kernel")),
    Case("depthwise_conv2d", K.depthwise_conv2d, (IMAGE, _values(2, 3, 3, 2, seed=1), (1, 2), "same"),
         wrt=("x", "depthwise_kernel")),
    Case("separable_conv2d", K.separable_conv2d,
         (IMAGE, _values(2, 2, 3, 2, seed=1), _values(1, 1, 6, 4, seed=2), (1, 1), "valid", "channels_last", (1, 2)),
         wrt=("x", "depthwise_kernel", "pointwise_kernel")),
    Case("separable_conv1d", K.separable_conv1d,
         (_values(2, 3, 6), _values(3, 3, 1, seed=1), _values(1, 3, 2, seed=2), 2, "same", "channels_first"),
         wrt=("x", "depthwise_kernel", "pointwise_kernel")),
    Case("local_conv1d", K.local_conv1d, (_values(2, 6, 3), _values(2, 9, 2, seed=1), (3,), (2,)),
         wrt=("inputs", "kernel")),
    Case("local_conv2d channels_first", K.local_conv2d,
         (_values(2, 2, 5, 4), _values(4, 8, 3, seed=1), (2, 2), (2, 1), (2, 2), "channels_first"),
         wrt=("inputs", "kernel")),
    Case("local_conv2d channels_last", K.local_conv2d,
         (_values(1, 4, 4, 2), _values(4, 8, 3, seed=1), (2, 2), (2, 2), (2, 2), "channels_last"),
         wrt=("inputs", "kernel")),
    Case("pool2d max same", K.pool2d, (IMAGE, (2, 3), (2, 2), "same", "channels_last", "max")),
    Case("pool2d avg same", K.pool2d, (IMAGE, (3, 2), (2, 1), "same", "channels_first", "avg")),
    Case("pool3d max", K.pool3d, (_values(1, 3, 4, 3, 2), (2, 2, 2), (1, 2, 1), "valid", "channels_last", "max")),
    Case("pool3d avg", K.pool3d, (_values(1, 3, 4, 3, 2), (2, 2, 2), (1, 1, 2), "same", "channels_last", "avg")),
    Case("bias_add", K.bias_add, (IMAGE, _values(3, seed=1), "channels_last"), wrt=("x", "bias")),
    Case("bias_add channels_first", K.bias_add, (IMAGE, _values(5, seed=1), "channels_first"), wrt=("x", "bias")),
    Case("bias_add per position channels_first", K.bias_add, (IMAGE, _values(4, 3, 5, seed=1), "channels_first"),
         wrt=("x", "bias")),
    Case("resize_images nearest", K.resize_images, (IMAGE, 2, 3, "channels_last")),
    Case("resize_images bilinear", K.resize_images, (IMAGE, 3, 2, "channels_first", "bilinear"), step=0.5,
         tolerance=1e-5),
    Case("resize_volumes", K.resize_volumes, (_values(1, 2, 2, 3, 2), 2, 1, 3, "channels_last")),
    Case("local_conv1d classic", classic.local_conv1d, (_values(2, 6, 3), _values(2, 9, 2, seed=1), (3,), (2,)),
         wrt=("inputs", "kernel")),
    # A kernel narrower than the patches: classic Keras 2.3 reshapes each (2, 3, 3) patch to (3, 6).
    Case("local_conv1d classic, patches reshaped", classic.local_conv1d,
         (_values(2, 6, 3), _values(2, 6, 2, seed=1), (3,), (2,)), wrt=("inputs", "kernel")),
    Case("resize_images bilinear classic", classic.resize_images, (IMAGE, 3, 2, "channels_first", "bilinear"),
         step=0.5, tolerance=1e-5),
    Case("resize_images nearest classic", classic.resize_images, (IMAGE, 2, 3, "channels_last")),
]

CONTROL = [
    Case("switch", K.switch, (X > 0, X, Y * 2), wrt=("then_expression", "else_expression")),
    Case("switch leading axes", K.switch, (A[..., 0] > 0, A, A * 3 + 1),
         wrt=("then_expression", "else_expression")),
    Case("in_train_phase", K.in_train_phase, (X, Y, 1), wrt=("x",)),
    Case("identity", K.identity, (X,)),
    Case("cast to float32 and back", lambda x: K.cast(K.cast(x, "float32"), "float64"), (X,), step=0.5,
         tolerance=1e-5),
    Case("print_tensor", lambda x: K.print_tensor(x * 1.0, "value"), (X,)),
    Case("ctc_batch_cost", K.ctc_batch_cost, (np.array([[0, 1, 1], [2, 0, 0]]), _probabilities(2, 5, 4),
                                              np.array([[5], [4]]), np.array([[3], [1]])), wrt=("y_pred",)),
    Case("ctc_batch_cost, Theano's way", classic.CONVENTIONS["ctc_batch_cost"][0][1],
         (np.array([[0, 1, 1], [2, 0, 0]]), _probabilities(2, 5, 4), np.array([[5], [4]]), np.array([[3], [1]])),
         wrt=("y_pred",)),
]


@pytest.mark.parametrize("case", ELEMENTWISE + REDUCTIONS + LINALG + SHAPES + NN + LOSSES + CONV + CONTROL, ids=str)
def test_gradient_matches_finite_differences(case: Case) -> None:
    assert_gradients(case)


def _tanh_cell(x: Any, states: Any) -> Any:
    """``h = tanh(x.W + h.U)`` with ``W`` and ``U`` passed as constants; a second state, a running sum."""
    h, total, w, u = states
    out = K.tanh(K.dot(x, w) + K.dot(h, u))
    return out * 2.0, [out, total + K.sum(x, axis=-1, keepdims=True)]


def _rnn(**options: Any) -> Callable:
    def run(inputs: Any, h0: Any, w: Any, u: Any) -> Any:
        return K.rnn(_tanh_cell, inputs, [h0, np.zeros((2, 1))], constants=[w, u], **options)
    return run


RNN_ARGS = (_values(2, 4, 3), _values(2, 2, seed=1), _values(3, 2, seed=2) / 2, _values(2, 2, seed=3) / 2)
MASK = np.array([[1, 0, 1, 1], [0, 1, 1, 0]])
RNN = [
    Case("rnn", _rnn(), RNN_ARGS, wrt=("inputs", "h0", "w", "u")),
    Case("rnn masked backwards", _rnn(mask=MASK, go_backwards=True), RNN_ARGS, wrt=("inputs", "h0", "w", "u")),
    Case("rnn masked zero output last only", _rnn(mask=MASK, zero_output_for_mask=True, return_all_outputs=False),
         RNN_ARGS, wrt=("inputs", "h0", "w", "u")),
    Case("rnn time major", _rnn(time_major=True, mask=MASK.T), (RNN_ARGS[0].swapaxes(0, 1),) + RNN_ARGS[1:],
         wrt=("inputs", "h0", "w")),
]


@pytest.mark.parametrize("case", RNN, ids=str)
def test_rnn_gradient_matches_finite_differences(case: Case) -> None:
    assert_gradients(case)


def test_rnn_differentiates_the_variables_its_step_function_captures() -> None:
    w = K.variable(_values(3, 2, seed=2) / 2, dtype="float64")
    inputs = K.placeholder(shape=(2, 4, 3), dtype="float64")

    def step(x: Any, states: Any) -> Any:
        out = K.tanh(K.dot(x, w) + states[0])
        return out, [out]

    def loss_of(value: np.ndarray) -> float:
        K.set_value(w, value)
        return float(K.function([inputs], [loss])([RNN_ARGS[0]])[0])

    loss = K.sum(K.rnn(step, inputs, [K.zeros((2, 2), dtype="float64")])[1])
    (gradient,) = K.gradients(loss, [w])
    start = K.get_value(w)
    exact = K.function([inputs], [gradient])([RNN_ARGS[0]])[0]
    expected = np.zeros(start.shape)
    for index in np.ndindex(start.shape):
        up, down = start.copy(), start.copy()
        up[index] += STEP
        down[index] -= STEP
        expected[index] = (loss_of(up) - loss_of(down)) / (2 * STEP)
    np.testing.assert_allclose(exact, expected, rtol=TOLERANCE, atol=TOLERANCE)


KINKS = [(name, kink) for name, derivative in DIFFERENTIABLE.items() for kink in derivative.kinks]


@pytest.mark.parametrize(("name", "kink"), KINKS, ids=[f"{name}: {kink.why[:40]}" for name, kink in KINKS])
def test_the_reference_follows_the_kink_conventions(name: str, kink: Kink) -> None:
    found = gradient_of_call(getattr(K, name), kink.call.args, kink.call.kwargs, [kink.wrt])[kink.wrt]
    if kink.expected is None:
        assert found is None, f"{name}: expected no gradient (None), got {found}"
    else:
        np.testing.assert_allclose(found, kink.expected, rtol=1e-12, atol=1e-12, err_msg=f"{name}: {kink.why}")


@pytest.mark.parametrize("name", list(DIFFERENTIABLE))
def test_the_differentiation_contract_names_entries_and_their_parameters(name: str) -> None:
    entry = CATALOGUE[name]
    assert set(DIFFERENTIABLE[name].wrt) <= set(entry.parameters()), name


def test_no_gradient_flows_through_integer_results_and_an_op_without_a_rule_is_refused() -> None:
    x = K.placeholder(shape=(2,), dtype="float64")
    assert K.gradients(K.sum(K.cast(K.argmax(K.expand_dims(x, 0)), "float64")), [x]) == [None]
    assert K.gradients(K.sum(K.cast(K.greater(x, 0.0), "float64") * 1.0), [x]) == [None]
    assert K.gradients(K.sum(K.cast(K.cast(x, "int32"), "float64")), [x]) == [None]
    with pytest.raises(LookupError, match="map_fn"):
        K.gradients(K.sum(K.map_fn(lambda row: row * 2.0, x)), [x])


def test_gradients_share_the_forward_values_of_the_function_call() -> None:
    x = K.placeholder(shape=(200,), dtype="float64")
    dropped = K.dropout(K.ones_like(x), 0.5)
    loss = K.sum(dropped * x)
    values, gradient = K.function([x], [dropped, K.gradients(loss, [x])[0]])([np.ones(200)])
    np.testing.assert_array_equal(gradient, values)
