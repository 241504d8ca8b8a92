"""Neural-network activations and normalisation (category: nn).

Results keep the input's dtype. Where a formula can overflow or cancel in a
narrow float type (softplus, sigmoid, softmax, the norms) it is evaluated in
float64 and rounded once to the input's dtype: the contract is the exact
value, which a careful float16/float32 implementation reaches within a few ulp.

Gradient rules follow the entries (``backprop``); at kinks they give what
tf_keras' composition of TensorFlow ops gives, said in each rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .dispatch import op

__all__ = ["relu", "elu", "softmax", "softplus", "softsign", "sigmoid", "hard_sigmoid", "tanh", "l2_normalize",
           "in_top_k", "batch_normalization", "normalize_batch_in_training"]

# tf.linalg.l2_normalize's floor on the squared norm (not the backend's epsilon()).
L2_EPSILON = 1e-12


def _exact(x: np.ndarray) -> np.ndarray:
    return np.asarray(x, dtype=np.float64)


@op
def relu(x, alpha=0.0, max_value=None, threshold=0.0):
    """Rectified linear unit with tf_keras' three options, element-wise, in ``x``'s dtype.

    * ``f = x * (x > threshold)`` when ``threshold != 0`` (strictly greater: ``x == threshold``
      gives 0; a negative threshold lets the negatives in ``(threshold, 0)`` through, so
      ``relu([-4, 0, 2, 7], threshold=-5) == [-4, 0, 2, 7]``), else ``f = max(x, 0)``;
    * ``max_value`` not None: ``f`` is clipped to ``[0, max_value]`` (only then is a value
      below 0 clipped when ``threshold < 0``);
    * ``alpha != 0``: ``f - alpha * max(threshold - x, 0)`` (leaky below the threshold).

    Classic Keras 2.3's numpy reference uses ``x >= threshold`` and always clips at 0.
    """
    with np.errstate(over="ignore", invalid="ignore"):  # overflow to inf, inf * 0, as in the dtype's arithmetic
        return _relu(x, alpha, max_value, threshold)


def _thresholded(x: np.ndarray, threshold: float) -> np.ndarray:
    """``x * (x > threshold)`` when ``threshold != 0``, else ``max(x, 0)``, in ``x``'s dtype."""
    dtype = x.dtype
    return x * (x > threshold).astype(dtype) if threshold != 0 else np.maximum(x, np.zeros((), dtype))


def _relu(x: np.ndarray, alpha: float, max_value: float | None, threshold: float) -> np.ndarray:
    dtype = x.dtype
    f = _thresholded(x, threshold)
    if max_value is not None:
        f = np.clip(f, np.zeros((), dtype), np.asarray(max_value, dtype))
    if alpha != 0:
        f = f - np.asarray(alpha, dtype) * np.maximum(np.asarray(threshold, dtype) - x, np.zeros((), dtype))
    return f.astype(dtype)


@relu.gradient("x")
def _relu_gradient(cotangent, result, x, alpha, max_value, threshold):
    """The slope of tf_keras' composition of TensorFlow ops, each with its own kink convention:

    * ``alpha != 0``, no ``max_value``, ``threshold == 0``: ``tf.nn.leaky_relu``, slope 1 for
      ``x > 0`` and ``alpha`` for ``x <= 0`` (``alpha`` at 0);
    * otherwise the thresholded part: ``x * (x > threshold)`` (slope 1 above the threshold, 0 at
      it) when ``threshold != 0``; else ``tf.nn.relu6`` when ``max_value == 6`` (slope 1 for
      ``0 < x < 6``: 0 at 0 and at 6); else ``tf.nn.relu`` (slope 1 for ``x > 0``: 0 at 0);
      then, with another ``max_value``, ``clip_by_value(f, 0, max_value)`` keeps the slope where
      ``0 <= f <= max_value`` (bounds included: ``relu(x, max_value=3)`` has slope 1 at 3);
      then ``alpha * relu(threshold - x)`` subtracted adds ``alpha`` where ``x < threshold``.
    """
    dtype = x.dtype
    if alpha != 0 and max_value is None and threshold == 0:
        return {"x": cotangent * np.where(x > 0, 1.0, alpha)}
    relu6 = threshold == 0 and max_value == 6
    if threshold != 0:
        slope = x > threshold
    elif relu6:
        slope = (x > 0) & (x < 6)
    else:
        slope = x > 0
    if max_value is not None and not relu6:
        f = _thresholded(x, threshold)
        slope = slope & (f >= 0) & (f <= np.asarray(max_value, dtype))
    below = (np.asarray(threshold, dtype) - x) > 0
    return {"x": cotangent * (slope + (alpha * below if alpha != 0 else 0.0))}


@op
def elu(x, alpha=1.0):
    """Exponential linear unit: ``x`` where ``x > 0``, else ``alpha * (exp(x) - 1)``."""
    return np.where(x > 0, _exact(x), alpha * np.expm1(_exact(x))).astype(x.dtype)


@elu.gradient("x")
def _elu_gradient(cotangent, result, x, alpha):
    """1 for ``x > 0``, ``alpha * exp(x)`` for ``x <= 0`` (``alpha`` at 0: tf.nn.elu's
    EluGrad gives 1 there, which tf_keras multiplies by ``alpha`` for ``x <= 0``)."""
    return {"x": cotangent * np.where(x > 0, 1.0, alpha * np.exp(np.minimum(_exact(x), 0.0)))}


@op
def softmax(x, axis=-1):
    """``exp(x) / sum(exp(x), axis)``, shifted by the maximum so large logits never overflow.

    ``axis`` is an int or a list/tuple of axes (normalised over all of them together).
    ``x`` of rank 0 or 1 raises ``ValueError`` (tf_keras; classic 2.3 accepts rank 1).
    """
    if x.ndim <= 1:
        raise ValueError(f"Cannot apply softmax to a tensor that is 1D. Received input of shape {x.shape}")
    return softmax_exact(x, axis).astype(x.dtype)


def softmax_exact(x: np.ndarray, axis: Any) -> np.ndarray:
    """``softmax(x, axis)`` in float64, shifted by the maximum (``axis`` an int or a list)."""
    axes = tuple(axis) if isinstance(axis, (list, tuple)) else axis
    shifted = _exact(x) - np.max(x, axis=axes, keepdims=True, initial=-np.inf)  # initial: empty axes
    e = np.exp(shifted)
    return e / np.sum(e, axis=axes, keepdims=True)


@softmax.gradient("x")
def softmax_gradient(cotangent, result, x, axis):
    """``s * (cotangent - sum(cotangent * s, axis))`` with ``s = softmax(x)``."""
    s = softmax_exact(x, axis)
    axes = tuple(axis) if isinstance(axis, (list, tuple)) else axis
    return {"x": s * (cotangent - np.sum(cotangent * s, axis=axes, keepdims=True))}


@op
def softplus(x):
    """``log(1 + exp(x))`` without overflow: ``softplus(1000) == 1000``, ``softplus(-1000) == exp(-1000)``."""
    return np.logaddexp(0.0, _exact(x)).astype(x.dtype)


@softplus.gradient("x")
def _softplus_gradient(cotangent, result, x):
    """``sigmoid(x)``."""
    return {"x": cotangent * sigmoid_exact(_exact(x))}


@op
def softsign(x):
    """``x / (1 + |x|)``."""
    return (_exact(x) / (1 + np.abs(_exact(x)))).astype(x.dtype)


@softsign.gradient("x")
def _softsign_gradient(cotangent, result, x):
    """``1 / (1 + |x|) ** 2``."""
    return {"x": cotangent / np.square(1 + np.abs(_exact(x)))}


@op
def sigmoid(x):
    """``1 / (1 + exp(-x))``, exact at both ends (0 and 1 for large ``|x|``, no overflow)."""
    return sigmoid_exact(_exact(x)).astype(x.dtype)


def sigmoid_exact(e: np.ndarray) -> np.ndarray:
    """The logistic function of float64 ``e``, without overflow at either end."""
    with np.errstate(over="ignore"):
        return np.where(e >= 0, 1 / (1 + np.exp(-e)), np.exp(e) / (1 + np.exp(e)))


@sigmoid.gradient("x")
def _sigmoid_gradient(cotangent, result, x):
    """``s (1 - s)`` with ``s = sigmoid(x)``."""
    s = sigmoid_exact(_exact(x))
    return {"x": cotangent * s * (1 - s)}


@op
def hard_sigmoid(x):
    """``clip(0.2 * x + 0.5, 0, 1)``: 0 below -2.5, 1 above 2.5 (Keras 2's slope 0.2;
    Keras 3 uses 1/6), computed in ``x``'s dtype as tf_keras does."""
    return np.clip(_hard_sigmoid_line(x), 0, 1).astype(x.dtype)


def _hard_sigmoid_line(x: np.ndarray) -> np.ndarray:
    """``0.2 x + 0.5`` in ``x``'s dtype."""
    return x * np.asarray(0.2, x.dtype) + np.asarray(0.5, x.dtype)


@hard_sigmoid.gradient("x")
def _hard_sigmoid_gradient(cotangent, result, x):
    """0.2 where ``0 <= 0.2 x + 0.5 <= 1`` (in ``x``'s dtype), bounds included (tf_keras clips
    with ``clip_by_value``): 0.2 at -2.5 and 2.5, 0 beyond."""
    line = _hard_sigmoid_line(x)
    return {"x": cotangent * np.where((line >= 0) & (line <= 1), 0.2, 0.0)}


@op
def tanh(x):
    """Element-wise hyperbolic tangent, in ``x``'s dtype."""
    return np.tanh(x)


@tanh.gradient("x")
def _tanh_gradient(cotangent, result, x):
    """``1 - tanh(x) ** 2``, from ``x`` in float64 (TensorFlow's TanhGrad uses the rounded
    result, which differs by about an ulp of ``1 - y ** 2``: relatively large where ``|x|`` is)."""
    return {"x": cotangent * (1 - np.square(np.tanh(_exact(x))))}


@op
def l2_normalize(x, axis=None):
    """``x / sqrt(max(sum(x**2, axis, keepdims=True), 1e-12))``.

    ``axis=None`` normalises by the norm of the whole tensor (classic 2.3's numpy
    reference defaults to the last axis and has no floor); ``axis`` may be an int or
    a list. The floor 1e-12 is fixed (not ``epsilon()``) and applies to the squared
    sum, so an all-zero ``x`` gives zeros and tiny vectors are scaled by 1e6, not unit.
    """
    e = _exact(x)
    return (e / np.sqrt(np.maximum(_squared_norm(e, axis), L2_EPSILON))).astype(x.dtype)


def _squared_norm(e: np.ndarray, axis: Any) -> np.ndarray:
    axes = tuple(axis) if isinstance(axis, (list, tuple)) else axis
    return np.sum(e * e, axis=axes, keepdims=True)


@l2_normalize.gradient("x")
def _l2_normalize_gradient(cotangent, result, x, axis):
    """``(g - y sum(g y)) / norm`` with ``y`` the result, where the squared norm reaches the
    floor 1e-12 (``tf.maximum`` passes ties to its first operand); below it the norm is the
    constant floor: ``g / sqrt(1e-12)`` (so 1e6 at an all-zero ``x``, as TensorFlow)."""
    e = _exact(x)
    squared = _squared_norm(e, axis)
    norm = np.sqrt(np.maximum(squared, L2_EPSILON))
    y = e / norm
    axes = tuple(axis) if isinstance(axis, (list, tuple)) else axis
    through_norm = y * np.sum(cotangent * y, axis=axes, keepdims=True)
    return {"x": np.where(squared >= L2_EPSILON, cotangent - through_norm, cotangent) / norm}


@op
def in_top_k(predictions, targets, k):
    """bool ``(batch,)``: whether ``predictions[i, targets[i]]`` is among the ``k`` largest of row ``i``.

    Ties count as in: true iff fewer than ``k`` classes score strictly higher than the
    target. False when the row holds any NaN or infinity, when ``targets[i]`` is out of
    ``[0, classes)``, and for every row when ``k <= 0`` (``tf.math.in_top_k``'s kernel).
    ``predictions`` are float32 in tf_keras (TF's kernel accepts no other float type).
    """
    classes = predictions.shape[1]
    targets = np.asarray(targets).astype(np.int64)
    valid = (targets >= 0) & (targets < classes)
    score = np.take_along_axis(predictions, np.where(valid, targets, 0)[:, None], axis=1)
    higher = np.sum(predictions > score, axis=1)
    finite = np.all(np.isfinite(predictions), axis=1)
    return valid & finite & (higher < k)


def _normalize(x: np.ndarray, mean: Any, var: Any, beta: Any, gamma: Any, epsilon: float) -> np.ndarray:
    """``(x - mean) / sqrt(var + epsilon) * gamma + beta``, broadcasting, exact then rounded."""
    out = (_exact(x) - _exact(mean)) / np.sqrt(_exact(var) + epsilon)
    if gamma is not None:
        out = out * _exact(gamma)
    if beta is not None:
        out = out + _exact(beta)
    return out.astype(x.dtype)


@op
def batch_normalization(x, mean, var, beta, gamma, axis=-1, epsilon=0.001):
    """``(x - mean) / sqrt(var + epsilon) * gamma + beta``: epsilon inside the square root;
    ``beta`` None means 0, ``gamma`` None means 1.

    ``mean``, ``var``, ``beta``, ``gamma`` broadcast against ``x`` (shape ``(C,)`` for the
    last axis, or ``x``'s rank with 1 on the other axes); ``axis`` names the feature axis
    they belong to. tf_keras routes every 4-D ``x`` through ``fused_batch_norm``, which
    lacks float64 (and float16 statistics), reads 1-D statistics on axis 3 whatever
    ``axis`` says when ``axis`` is not 1/-3/3/-1, and on a CPU fails for ``axis=1``;
    the formula above is the contract. Older TF (classic Keras 2.3) raised epsilon to at
    least 1.001e-5 on that path; TF 2.x does not.
    """
    return _normalize(x, mean, var, beta, gamma, epsilon)


@batch_normalization.gradient("x", "mean", "var", "beta", "gamma")
def _batch_normalization_gradient(cotangent, result, x, mean, var, beta, gamma, axis, epsilon):
    """The formula's partial derivatives (the statistics are inputs here, not functions of ``x``)."""
    scale = 1 / np.sqrt(_exact(var) + epsilon)
    centred = _exact(x) - _exact(mean)
    factor = 1.0 if gamma is None else _exact(gamma)
    return {"x": cotangent * scale * factor, "mean": -cotangent * scale * factor,
            "var": -0.5 * cotangent * centred * factor * scale ** 3,
            "beta": cotangent, "gamma": cotangent * centred * scale}


def _fused(x: np.ndarray, reduction_axes: Sequence[int]) -> bool:
    """tf_keras' fused path on a CPU: 4-D ``x`` normalised per channel of the last axis."""
    return x.ndim == 4 and list(reduction_axes) == [0, 1, 2]


def _kept(x: np.ndarray, reduction_axes: Sequence[int]) -> list[int]:
    """``x``'s shape with the reduced axes set to 1 (for broadcasting the statistics back)."""
    return [1 if axis in reduction_axes else n for axis, n in enumerate(x.shape)]


def _per_channel(x: np.ndarray, reduction_axes: Sequence[int]) -> int:
    """How many values of ``x`` each statistic over ``reduction_axes`` combines."""
    return int(np.prod([x.shape[a] for a in reduction_axes], dtype=np.int64))


@op
def _batch_mean(x, reduction_axes):
    return np.mean(_exact(x), axis=tuple(reduction_axes)).astype(x.dtype)


@_batch_mean.gradient("x")
def _batch_mean_gradient(cotangent, result, x, reduction_axes):
    kept = np.reshape(cotangent, _kept(x, reduction_axes))
    return {"x": np.broadcast_to(kept, x.shape) / _per_channel(x, reduction_axes)}


def _bessel(x: np.ndarray, reduction_axes: Sequence[int]) -> float:
    """The factor ``n / (n - 1)`` by which the fused path corrects the variance it returns (else 1)."""
    n = _per_channel(x, reduction_axes)
    return n / max(n - 1, 1) if _fused(x, reduction_axes) else 1.0


@op
def _batch_variance(x, reduction_axes):
    var = np.var(_exact(x), axis=tuple(reduction_axes))
    return (var * _bessel(x, reduction_axes)).astype(x.dtype)


@_batch_variance.gradient("x")
def _batch_variance_gradient(cotangent, result, x, reduction_axes):
    """``2 (x - mean) / n``, times the fused path's Bessel factor."""
    e = _exact(x)
    centred = e - np.mean(e, axis=tuple(reduction_axes), keepdims=True)
    kept = np.reshape(cotangent, _kept(x, reduction_axes))
    return {"x": kept * 2 * centred / _per_channel(x, reduction_axes) * _bessel(x, reduction_axes)}


@op
def _batch_normed(x, gamma, beta, reduction_axes, epsilon):
    axes, kept = tuple(reduction_axes), _kept(x, reduction_axes)
    mean = np.mean(_exact(x), axis=axes, keepdims=True)
    var = np.var(_exact(x), axis=axes, keepdims=True)
    return _normalize(x, mean, var, None if beta is None else np.reshape(beta, kept),
                      None if gamma is None else np.reshape(gamma, kept), epsilon)


@_batch_normed.gradient("x", "gamma", "beta")
def _batch_normed_gradient(cotangent, result, x, gamma, beta, reduction_axes, epsilon):
    """Through the batch statistics too: with ``h = (x - mean) / sqrt(var + epsilon)`` and
    ``d = cotangent * gamma``, ``dx = (d - mean(d) - h mean(d h)) / sqrt(var + epsilon)``
    (means over ``reduction_axes``); ``dgamma = sum(cotangent h)``, ``dbeta = sum(cotangent)``."""
    axes, kept = tuple(reduction_axes), _kept(x, reduction_axes)
    e = _exact(x)
    scale = 1 / np.sqrt(np.var(e, axis=axes, keepdims=True) + epsilon)
    normed = (e - np.mean(e, axis=axes, keepdims=True)) * scale
    d = cotangent * (1.0 if gamma is None else np.reshape(_exact(gamma), kept))
    dx = (d - np.mean(d, axis=axes, keepdims=True) - normed * np.mean(d * normed, axis=axes, keepdims=True)) * scale
    answers = {"x": dx}
    if gamma is not None:
        answers["gamma"] = np.reshape(np.sum(cotangent * normed, axis=axes), np.shape(gamma))
    if beta is not None:
        answers["beta"] = np.reshape(np.sum(cotangent, axis=axes), np.shape(beta))
    return answers


def normalize_batch_in_training(x, gamma, beta, reduction_axes, epsilon=0.001):
    """``(normed, mean, var)``: the batch statistics over ``reduction_axes`` (non-negative
    axes) and ``x`` normalised by them (``batch_normalization`` with the *biased* variance).

    ``mean`` and ``var`` have the shape of the kept axes, in order; ``gamma``/``beta``
    (None: 1/0) have that shape too. The returned ``var`` is the population (biased)
    variance, except on tf_keras' fused path — 4-D ``x`` with ``reduction_axes ==
    [0, 1, 2]`` — where it is the Bessel-corrected ``var * n / max(n - 1, 1)`` (``n`` values
    per channel) that ``fused_batch_norm`` returns for running averages; ``normed`` uses
    the biased variance there too. (On a GPU tf_keras also fuses ``[0, 2, 3]`` and then
    returns the corrected variance for it; TF 1.x raised epsilon to 1.001e-5 there.)
    Three results, each its own graph node.
    """
    return (_batch_normed(x, gamma, beta, reduction_axes, epsilon), _batch_mean(x, reduction_axes),
            _batch_variance(x, reduction_axes))
