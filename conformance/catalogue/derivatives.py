"""The differentiation contract: which entries have gradients, in which parameters, and what
the gradient is at their kinks (TensorFlow's gradient registry, as tf_keras composes it).

Kept beside the records, keyed by entry name, rather than in each family's records: it is
one subject (the gradient conventions of one registry), read and reviewed as one table, and
a per-entry gradient check reads both: the record to draw calls, this to know what to
differentiate and which points to pin. Points not listed here are smooth, where a backend's
gradient must match the reference's exact one (``reference_backend.gradients.gradient_of_call``).

Each ``Point`` is a smooth call where a backend was found wrong (a zero in ``cumprod``, an ``exp``
that overflows in ``logsumexp``), judged like a drawn call under every contract: draws change
with the hypothesis release and the profile; a finding held by a point does not.

Each ``Kink`` pins the gradient of ``sum(entry(*call.args, **call.kwargs))`` with respect to
the parameter ``wrt`` (float64 values; None: no gradient at all, TensorFlow's None), with its
source in ``why``. Sources are TensorFlow 2.21's ``math_grad.py``, ``nn_grad.py`` and
``array_grad.py`` and tf_keras 2.21's ``backend.py``, and were observed with
``tf.compat.v1.gradients`` in float64.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..calls import Call, call


@dataclass(frozen=True)
class Kink:
    """A pinned gradient at a point where the entry is not differentiable in the usual sense."""

    call: Call
    wrt: str
    expected: Any
    why: str


@dataclass(frozen=True)
class Point:
    """A smooth point where a backend's gradient was found wrong: judged as a drawn call is, against the
    reference's exact gradient, under every contract, so that the finding does not hang on the draws."""

    call: Call  # written in float64, cast to floatx
    why: str


@dataclass(frozen=True)
class Derivative:
    """How an entry is differentiated: the parameters with a gradient, its pinned kinks and points."""

    wrt: tuple[str, ...]
    kinks: tuple[Kink, ...] = ()
    judged_where: Callable[[dict[str, Any]], bool] | None = None
    """Which drawn calls (their arguments by parameter name) the generated check may judge, when not all:
    the gradient is ill-defined in floatx elsewhere (the record says why)."""
    points: tuple[Point, ...] = ()


def _exact_exponent_step(arguments: dict[str, Any]) -> bool:
    """Where the base is not positive, ``pow``'s gradient ``a * x ** (a - 1)`` is judged only where
    ``a - 1`` is exact in floatx, and at a zero base only for ``a >= 1``. The sign of a negative base's
    power hangs on the parity of ``a - 1``, so a backend computing ``a - 1`` in floatx (TensorFlow's
    PowGrad, Theano's) flips it where the subtraction rounds: float32 ``a = 16777218`` at ``x = -1``,
    float16 ``a = 6.1e-05`` at ``x = -0.`` (``a - 1`` rounds to the odd ``-1``). At a zero base with
    ``a < 1`` the derivative is infinite: the kink ``pow(0, 0.5)`` pins it."""
    x = np.asarray(arguments["x"])
    a = np.asarray(arguments["a"], dtype=x.dtype)
    step_exact = (a - np.ones((), x.dtype)).astype(np.float64) == a.astype(np.float64) - 1
    return bool(np.all((x > 0) | (step_exact & ((x < 0) | (a >= 1)))))


def _away_from_zero(arguments: dict[str, Any]) -> bool:
    """No zero, of either sign: there ``sqrt``'s derivative is infinite, and its sign follows the zero's
    through the backend's clamp (TensorFlow's maximum keeps -0., numpy's gives 0.); the kink pins 0."""
    return bool(np.all(np.asarray(arguments["x"]) != 0))


def _focusing(arguments: dict[str, Any]) -> bool:
    """The focal losses' gradients are judged for ``gamma >= 1``. At ``gamma = 0`` the focal factor
    ``(1 - p) ** 0`` is the constant 1, but TensorFlow's PowGrad computes ``0 * base ** -1``: NaN where
    the base is 0 (a probability of exactly 1, or a sigmoid saturated in floatx), 0 elsewhere. The
    gradient at ``gamma = 0`` is then the plain cross-entropy's, judged on its own entry."""
    return bool(arguments["gamma"] >= 1)


def _x(*values: float) -> np.ndarray:
    return np.array(values)


INF, NAN = float("inf"), float("nan")
X = ("x",)

DIFFERENTIABLE: dict[str, Derivative] = {
    # elementwise math
    "square": Derivative(X),
    "abs": Derivative(X, (Kink(call(_x(-1.0, 0.0, 1.0)), "x", _x(-1.0, 0.0, 1.0), "AbsGrad: g * sign(x), 0 at 0"),)),
    "sqrt": Derivative(X, (Kink(call(_x(-1.0, 0.0, 4.0)), "x", _x(0.0, INF, 0.25),
                                "tf_keras: tf.sqrt(tf.maximum(x, 0)); SqrtGrad 0.5 / sqrt is inf at 0, "
                                "MaximumGrad passes it where x >= 0 only"),), _away_from_zero),
    "exp": Derivative(X),
    "log": Derivative(X, (Kink(call(_x(0.0, 1.0)), "x", _x(INF, 1.0), "LogGrad: g / x"),)),
    "sign": Derivative(X, (Kink(call(_x(-1.0, 0.0, 1.0)), "x", _x(0.0, 0.0, 0.0), "SignGrad: zeros, not None"),)),
    "round": Derivative((), (Kink(call(_x(0.5, 1.2)), "x", None, "RoundGrad: None"),)),
    "pow": Derivative(("x", "a"), (
        Kink(call(_x(-1.0, 0.0, 1.0), 2.0), "x", _x(-2.0, 0.0, 2.0), "PowGrad: a * x ** (a - 1)"),
        Kink(call(_x(0.0, 4.0), 0.5), "x", _x(INF, 0.25), "PowGrad: 0.5 * 0 ** -0.5 is inf"),
        Kink(call(_x(0.0, 4.0), 0.0), "x", _x(NAN, 0.0), "PowGrad: 0 * 0 ** -1 is NaN"),
        Kink(call(_x(0.0, -2.0, 2.0), _x(2.0, 2.0, 0.5)), "a", _x(0.0, 0.0, 2 ** 0.5 * np.log(2.0)),
             "PowGrad: z * log(x) where x > 0, else 0")), _exact_exponent_step),
    "clip": Derivative(("x", "min_value", "max_value"), (
        Kink(call(_x(-1.0, 0.0, 0.5, 1.0, 2.0), 0.0, 1.0), "x", _x(0.0, 1.0, 1.0, 1.0, 0.0),
             "clip_by_value's gradient passes where min <= x <= max, bounds included"),
        Kink(call(_x(-1.0, 0.0, 0.5, 1.0, 2.0), 1.0, 0.0), "x", _x(0.0, 0.0, 0.0, 1.0, 0.0),
             "tf_keras raises a Python max_value below min_value to min_value: only x == min_value passes"))),
    "maximum": Derivative(("x", "y"), (
        Kink(call(_x(1.0, 2.0, 3.0), _x(2.0, 2.0, 2.0)), "x", _x(0.0, 1.0, 1.0), "MaximumGrad: x where x >= y"),
        Kink(call(_x(1.0, 2.0, 3.0), _x(2.0, 2.0, 2.0)), "y", _x(1.0, 0.0, 0.0), "MaximumGrad: y where x < y"))),
    "minimum": Derivative(("x", "y"), (
        Kink(call(_x(1.0, 2.0, 3.0), _x(2.0, 2.0, 2.0)), "x", _x(1.0, 1.0, 0.0), "MinimumGrad: x where x <= y"),
        Kink(call(_x(1.0, 2.0, 3.0), _x(2.0, 2.0, 2.0)), "y", _x(0.0, 0.0, 1.0), "MinimumGrad: y where x > y"))),
    "sin": Derivative(X),
    "cos": Derivative(X),
    # reductions
    "max": Derivative(X, (Kink(call(np.array([[1.0, 3.0, 3.0], [2.0, 2.0, 2.0]]), -1), "x",
                               np.array([[0.0, 0.5, 0.5], [1 / 3, 1 / 3, 1 / 3]]),
                               "reduce_max's gradient: split equally among ties"),)),
    "min": Derivative(X, (Kink(call(np.array([[1.0, 1.0, 3.0]]), -1), "x", np.array([[0.5, 0.5, 0.0]]),
                               "reduce_min's gradient: split equally among ties"),)),
    "sum": Derivative(X),
    "prod": Derivative(X, (Kink(call(np.array([[0.0, 2.0, 3.0], [0.0, 0.0, 3.0]]), -1), "x",
                                np.array([[6.0, 0.0, 0.0], [0.0, 0.0, 0.0]]),
                                "ProdGrad: the product of the other elements, exact with zeros"),)),
    "mean": Derivative(X),
    "var": Derivative(X),
    "std": Derivative(X, (Kink(call(_x(1.0, 1.0)), "x", _x(NAN, NAN), "0 / 0 where every element is equal"),)),
    "cumsum": Derivative(X),
    "cumprod": Derivative(X, (Kink(call(np.array([[0.0, 2.0, 3.0], [2.0, 0.0, 3.0]]), -1), "x",
                                   np.array([[9.0, 0.0, 0.0], [1.0, 8.0, 0.0]]),
                                   "the exact derivative; TensorFlow's CumprodGrad divides by x (div_no_nan) and "
                                   "answers [[0, 0, 0], [1, 0, 0]]: a known TensorFlow defect, not a convention"),),
                          points=(Point(call(_x(0.0, 2.0, 3.0)), "a zero element: the derivative is a polynomial, "
                                        "smooth there; dividing by x gives NaN (Theano) or 0 (TensorFlow)"),)),
    "logsumexp": Derivative(X, (Kink(call(np.array([[-INF, 0.0], [1.0, 1.0], [-INF, -INF]]), -1), "x",
                                     np.array([[0.0, 1.0], [0.5, 0.5], [NAN, NAN]]),
                                     "reduce_logsumexp's gradient exp(x - lse): NaN when every element is -inf"),),
                            points=(Point(call(_x(89.0, 88.0)), "exp(x) overflows float32 and float16 but the value "
                                          "does not: the gradient, softmax(x), must be as stable (Theano's is NaN)"),)),
    "argmax": Derivative(()), "argmin": Derivative(()),
    # linear algebra and shapes
    "dot": Derivative(("x", "y")), "batch_dot": Derivative(("x", "y")), "transpose": Derivative(X),
    "reshape": Derivative(X), "permute_dimensions": Derivative(X), "concatenate": Derivative(("tensors",)),
    "stack": Derivative(X), "expand_dims": Derivative(X), "squeeze": Derivative(X), "flatten": Derivative(X),
    "batch_flatten": Derivative(X), "tile": Derivative(X), "repeat": Derivative(X), "repeat_elements": Derivative(X),
    "reverse": Derivative(X), "slice": Derivative(X), "temporal_padding": Derivative(X),
    "spatial_2d_padding": Derivative(X), "spatial_3d_padding": Derivative(X),
    "gather": Derivative(("reference",), (Kink(call(_x(1.0, 2.0, 3.0), np.array([0, 0, 1])), "reference",
                                                _x(2.0, 1.0, 0.0), "GatherGrad: repeated indices add up"),)),
    # activations and normalisation
    "relu": Derivative(X, (
        Kink(call(_x(-1.0, 0.0, 1.0)), "x", _x(0.0, 0.0, 1.0), "ReluGrad: x > 0, so 0 at 0"),
        Kink(call(_x(-1.0, 0.0, 1.0), alpha=0.5), "x", _x(0.5, 0.5, 1.0),
             "tf.nn.leaky_relu's gradient: alpha for x <= 0"),
        Kink(call(_x(0.0, 0.5, 1.0, 2.0), max_value=1.0), "x", _x(0.0, 1.0, 1.0, 0.0),
             "ReluGrad, then clip_by_value(f, 0, max_value): bounds included"),
        Kink(call(_x(0.0, 3.0, 6.0, 7.0), max_value=6.0), "x", _x(0.0, 1.0, 0.0, 0.0),
             "max_value == 6 goes through tf.nn.relu6: Relu6Grad is 0 < x < 6, so 0 at 6 (1 at 3 for max_value=3)"),
        Kink(call(_x(0.0, 1.0, 2.0), alpha=0.5, threshold=1.0), "x", _x(0.5, 0.0, 1.0),
             "x * cast(x > threshold) (slope 0 at the threshold) minus alpha * relu(threshold - x) (0 there too)"),
        Kink(call(_x(-2.0, -1.0, -0.5, 0.0, 2.0, 3.0), threshold=-1.0, max_value=2.0), "x",
             _x(0.0, 0.0, 0.0, 1.0, 1.0, 0.0), "x * cast(x > -1), then clip_by_value(f, 0, 2), bounds included"),
        Kink(call(_x(-1.0, 0.0, 6.0, 7.0), alpha=0.5, max_value=6.0), "x", _x(0.5, 0.0, 0.0, 0.0),
             "relu6 minus alpha * relu(-x): 0 at 0 and at 6"))),
    "elu": Derivative(X, (Kink(call(_x(-1.0, 0.0, 1.0), 2.0), "x", _x(2 * np.exp(-1.0), 2.0, 1.0),
                               "EluGrad is 1 at 0, which tf_keras multiplies by alpha for x <= 0"),)),
    "softmax": Derivative(X), "softplus": Derivative(X), "softsign": Derivative(X), "sigmoid": Derivative(X),
    "tanh": Derivative(X),
    "hard_sigmoid": Derivative(X, (Kink(call(_x(-3.0, -2.5, 0.0, 2.5, 3.0)), "x", _x(0.0, 0.2, 0.2, 0.2, 0.0),
                                        "clip_by_value(0.2 x + 0.5, 0, 1): bounds included"),)),
    "l2_normalize": Derivative(X, (Kink(call(_x(0.0, 0.0)), "x", _x(1e6, 1e6),
                                        "x * rsqrt(maximum(sum(x ** 2), 1e-12)): below the floor the norm is "
                                        "the constant 1e-6"),)),
    "batch_normalization": Derivative(("x", "mean", "var", "beta", "gamma")),
    "normalize_batch_in_training": Derivative(("x", "gamma", "beta")),
    # losses
    "categorical_crossentropy": Derivative(("target", "output"), (
        Kink(call(np.array([[1.0, 0.0]]), np.array([[1.0, 0.0]])), "output", np.array([[0.0, 0.0]]),
             "probabilities clipped to [eps, 1 - eps] by clip_by_value: none where clipped"),)),
    "sparse_categorical_crossentropy": Derivative(("output",), (
        Kink(call(np.array([0.0]), np.array([[1.0, 0.0]])), "output", np.array([[0.0, 0.0]]),
             "probabilities clipped to [eps, 1 - eps] by clip_by_value: none where clipped"),)),
    "binary_crossentropy": Derivative(("target", "output"), (
        Kink(call(_x(1.0, 0.0, 1.0), _x(0.0, 1.0, 0.5)), "output", _x(0.0, 0.0, -1 / (0.5 + 1e-7)),
             "clipped to [eps, 1 - eps] (none where clipped), then -(t log(o + eps) + (1 - t) log(1 - o + eps))"),)),
    "binary_focal_crossentropy": Derivative(("target", "output"), judged_where=_focusing),
    "categorical_focal_crossentropy": Derivative(("target", "output"), judged_where=_focusing),
    # conv and pooling
    **{name: Derivative(("x", "kernel")) for name in ("conv1d", "conv2d", "conv3d", "conv2d_transpose",
                                                       "conv3d_transpose")},
    "depthwise_conv2d": Derivative(("x", "depthwise_kernel")),
    "separable_conv1d": Derivative(("x", "depthwise_kernel", "pointwise_kernel")),
    "separable_conv2d": Derivative(("x", "depthwise_kernel", "pointwise_kernel")),
    "local_conv1d": Derivative(("inputs", "kernel")), "local_conv2d": Derivative(("inputs", "kernel")),
    "pool2d": Derivative(X, (Kink(call(np.array([[[[1.0], [3.0]], [[3.0], [0.0]]]]), (2, 2),
                                       data_format="channels_last"), "x",
                                  np.array([[[[0.0], [1.0]], [[0.0], [0.0]]]]),
                                  "MaxPoolGrad: all to the first maximum of the window in row-major order"),)),
    "pool3d": Derivative(X), "bias_add": Derivative(("x", "bias")),
    "resize_images": Derivative(X), "resize_volumes": Derivative(X),
    # graph, tensors, control flow
    "stop_gradient": Derivative((), (Kink(call(_x(1.0, 2.0)), "variables", None,
                                          "StopGradient: no gradient (zero where another path exists)"),)),
    "identity": Derivative(X), "cast": Derivative(X), "print_tensor": Derivative(X),
    "switch": Derivative(("then_expression", "else_expression"), (
        Kink(call(np.array([True, False]), _x(1.0, -1.0), _x(5.0, 5.0)), "then_expression", _x(1.0, 0.0),
             "SelectGrad: the condition's choice; the condition has none"),)),
    "in_train_phase": Derivative(("x", "alt")), "in_test_phase": Derivative(("x", "alt")),
    "rnn": Derivative(("inputs", "initial_states", "constants")),
    "ctc_batch_cost": Derivative(("y_pred",)),
}
"""Entry -> its gradient contract. Entries not listed have no gradient the suite judges
(integer or bool results, random draws, decoders, the loops map_fn/foldl/foldr)."""
