"""Losses: per-sample cross-entropies, no reduction (category: losses).

Probabilities are clipped to ``[eps, 1 - eps]`` with ``eps = epsilon()`` rounded to
the output's dtype (so in float16 ``1 - eps`` is 1), as tf_keras does; the
logarithms and the logits formulas are then evaluated in float64 and rounded
once to the output's dtype. Targets may be soft (any values in [0, 1]).

Gradient rules (``backprop``) differentiate in ``output`` and in float
``target``; the clipping passes the gradient where ``eps <= p <= 1 - eps``,
bounds included (``tf.clip_by_value``), and none outside.
"""

from __future__ import annotations

import numpy as np

from . import config
from .dispatch import op, wide
from .nn import sigmoid_exact
from .static_shapes import broadcast_static, static_dtype, static_shape, without_axis

__all__ = ["categorical_crossentropy", "sparse_categorical_crossentropy", "binary_crossentropy",
           "binary_focal_crossentropy", "categorical_focal_crossentropy"]


def _bounds(dtype: np.dtype) -> tuple[np.ndarray, np.ndarray]:
    """``(eps, 1 - eps)`` in ``dtype``, ``eps = epsilon()``."""
    eps = np.asarray(config.epsilon(), dtype)
    return eps, np.asarray(1, dtype) - eps


def _clip(output: np.ndarray) -> np.ndarray:
    """``output`` clipped to ``[eps, 1 - eps]`` in its own dtype, as float64."""
    return np.clip(output, *_bounds(output.dtype)).astype(np.float64)


def _inside(output: np.ndarray) -> np.ndarray:
    """Where ``_clip`` passes a gradient: ``eps <= output <= 1 - eps``, bounds included."""
    low, high = _bounds(output.dtype)
    return (output >= low) & (output <= high)


def _log_softmax(logits: np.ndarray, axis: int) -> np.ndarray:
    """``log(softmax(logits))`` along ``axis``, stable for large logits (float64)."""
    z = np.asarray(logits, np.float64)
    shifted = z - np.max(z, axis=axis, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))


def _renormalised(output: np.ndarray, axis: int) -> np.ndarray:
    """``output / sum(output, axis)`` in ``output``'s dtype."""
    return (output / np.sum(output, axis=axis, keepdims=True)).astype(output.dtype)


def _categorical_probabilities(output: np.ndarray, from_logits: bool, axis: int) -> np.ndarray:
    """The clipped class probabilities both categorical losses use (float64):
    softmax of logits, or ``output`` renormalised to sum 1 along ``axis``."""
    if from_logits:
        output = np.exp(_log_softmax(output, axis)).astype(output.dtype)
    return _clip(_renormalised(output, axis))


@op
def categorical_crossentropy(target, output, from_logits=False, axis=-1):
    """``-sum(target * log(p), axis)``: one loss per position of the other axes.

    Probabilities (``from_logits=False``): ``output`` is first renormalised to sum 1
    along ``axis`` (rows summing to 2 count as halves), then clipped to ``[eps, 1 - eps]``;
    exact 0 and 1 give finite losses. Logits: ``log p`` is the stable log-softmax of
    ``output`` (no clipping). ``target`` and ``output`` must have the same shape
    (``ValueError``). tf_keras also swaps an ``output`` made by its own ``softmax`` for
    that softmax's logits; classic 2.2's logits path ignored ``axis``.
    """
    if np.shape(target) != np.shape(output):
        raise ValueError(f"target shape {np.shape(target)} is not compatible with output shape {np.shape(output)}")
    t = np.asarray(target, np.float64)
    log_p = _log_softmax(output, axis) if from_logits else np.log(_categorical_probabilities(output, False, axis))
    return (-np.sum(t * log_p, axis=axis)).astype(output.dtype)


@categorical_crossentropy.static_result
def _categorical_crossentropy_static(target, output, from_logits, axis):
    """One loss per position of the unified shapes without ``axis`` (Keras' target placeholder
    is ``(None, None)`` against an output of ``(None, classes)``), in ``output``'s dtype."""
    return without_axis(broadcast_static(target, output), axis), static_dtype(output)


@categorical_crossentropy.gradient("target", "output")
def _categorical_crossentropy_gradient(cotangent, result, target, output, from_logits, axis):
    """Logits: ``softmax(output) * sum(target) - target``, the exact derivative (TensorFlow's
    fused kernel answers ``softmax - target``, the same when each target row sums to 1).
    Probabilities: ``-target / p`` through the clipping (none where ``p`` was clipped) and the
    renormalisation. In ``target``: ``-log p``."""
    g = np.expand_dims(cotangent, axis)
    t = wide(target)
    if from_logits:
        log_p = _log_softmax(output, axis)
        gradient = g * (np.exp(log_p) * np.sum(t, axis=axis, keepdims=True) - t)
        return {"target": -g * log_p, "output": gradient}
    p = _categorical_probabilities(output, False, axis)
    return {"target": -g * np.log(p), "output": _through_probabilities(-g * t / p, output, False, axis)}


def _through_probabilities(in_p: np.ndarray, output: np.ndarray, from_logits: bool, axis: int) -> np.ndarray:
    """The cotangent ``in_p`` of ``_categorical_probabilities(output, from_logits, axis)`` carried back to
    ``output``: none where the clipping bit, then through the renormalisation ``o / sum(o)`` (and the
    softmax, from logits)."""
    scores = np.exp(_log_softmax(output, axis)).astype(output.dtype) if from_logits else output
    kept = np.where(_inside(_renormalised(scores, axis)), in_p, 0.0)
    total = np.sum(wide(scores), axis=axis, keepdims=True)
    in_scores = (kept - np.sum(kept * wide(scores), axis=axis, keepdims=True) / total) / total
    if not from_logits:
        return in_scores
    s = wide(scores)
    return s * (in_scores - np.sum(in_scores * s, axis=axis, keepdims=True))


@op
def sparse_categorical_crossentropy(target, output, from_logits=False, axis=-1, ignore_class=None):
    """``-log p[target]`` for integer class indices ``target`` (any int or float dtype, cast
    to integers), one loss per position of ``output`` without ``axis``.

    Probabilities are clipped to ``[eps, 1 - eps]`` and then renormalised (the loss is
    ``log(sum(clipped)) - log(clipped[target])``, TF's softmax of the clipped logs);
    logits take the stable log-softmax. ``target`` has ``output``'s shape without
    ``axis``, or any shape of the same size (``(batch, 1)`` for ``(batch, classes)``).
    ``ignore_class`` (tf_keras only): positions whose target equals it get loss 0.
    """
    log_p, labels, ignored = _sparse_terms(target, output, from_logits, axis, ignore_class)
    picked = np.take_along_axis(log_p, np.where(ignored, 0, labels)[..., None], axis=-1)[..., 0]
    return np.where(ignored, 0.0, -picked).astype(output.dtype)


def _sparse_terms(target, output, from_logits, axis, ignore_class) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The log-probabilities (classes last, float64), the labels and the ignored positions."""
    moved = np.moveaxis(output, axis, -1)
    scores = np.asarray(moved, np.float64) if from_logits else np.log(_clip(moved))
    labels = np.asarray(target).astype(np.int64).reshape(moved.shape[:-1])
    ignored = np.zeros(labels.shape, bool) if ignore_class is None else labels == ignore_class
    return _log_softmax(scores, -1), labels, ignored


@sparse_categorical_crossentropy.static_result
def _sparse_categorical_crossentropy_static(target, output, from_logits, axis, ignore_class):
    """One loss per position of ``output`` without ``axis``, in its dtype (``target`` may have
    any shape of that size)."""
    return without_axis(static_shape(output), axis), static_dtype(output)


@sparse_categorical_crossentropy.gradient("output")
def _sparse_categorical_crossentropy_gradient(cotangent, result, target, output, from_logits, axis, ignore_class):
    """``softmax - one_hot(target)`` in the scores (logits, or the logs of the clipped
    probabilities: then divided by ``p`` and none where ``p`` was clipped); ignored positions
    pass none. The integer ``target`` has no gradient."""
    log_p, labels, ignored = _sparse_terms(target, output, from_logits, axis, ignore_class)
    one_hot = labels[..., None] == np.arange(log_p.shape[-1])
    scores = np.where(ignored[..., None], 0.0, np.reshape(cotangent, labels.shape)[..., None]
                      * (np.exp(log_p) - one_hot))
    if not from_logits:
        moved = np.moveaxis(output, axis, -1)
        scores = np.where(_inside(moved), scores / _clip(moved), 0.0)
    return {"output": np.moveaxis(scores, -1, axis)}


def _binary(target: np.ndarray, output: np.ndarray, from_logits: bool) -> np.ndarray:
    """tf_keras' element-wise binary cross-entropy, float64."""
    t = np.asarray(target, np.float64)
    if from_logits:
        z = np.asarray(output, np.float64)
        return np.maximum(z, 0) - z * t + np.log1p(np.exp(-np.abs(z)))
    o = _clip(output)
    eps = float(_bounds(output.dtype)[0])
    return -(t * np.log(o + eps) + (1 - t) * np.log(1 - o + eps))


@op
def binary_crossentropy(target, output, from_logits=False):
    """Element-wise ``-(t log o + (1 - t) log(1 - o))``, same shape as ``output``.

    Probabilities: ``o`` clipped to ``[eps, 1 - eps]``, and tf_keras adds ``eps`` once
    more inside each logarithm: ``-(t log(o + eps) + (1 - t) log(1 - o + eps))``, so
    ``binary_crossentropy(1, 1)`` is ``-log(1 + eps)``, about ``-1e-7``. Classic Keras
    2.2/2.3 instead converts the clipped ``o`` to logits ``log(o / (1 - o))``: they
    differ around 1e-7. Logits: ``max(z, 0) - z t + log(1 + exp(-|z|))`` (stable).
    """
    return _binary(target, output, from_logits).astype(output.dtype)


@binary_crossentropy.static_result
def _binary_crossentropy_static(target, output, from_logits):
    """Element-wise: the broadcast shape, in ``output``'s dtype."""
    return broadcast_static(target, output), static_dtype(output)


@binary_crossentropy.gradient("target", "output")
def _binary_crossentropy_gradient(cotangent, result, target, output, from_logits):
    """Logits: ``sigmoid(z) - t`` (smooth: at ``z = 0`` TensorFlow's ``where``-based formula
    gives the same); in ``t``: ``-z``. Probabilities: ``(1 - t) / (1 - o + eps) - t / (o + eps)``
    where ``eps <= o <= 1 - eps`` (bounds included), none where ``o`` was clipped; in ``t``:
    ``log(1 - o + eps) - log(o + eps)``."""
    t = wide(target)
    if from_logits:
        z = wide(output)
        return {"target": -cotangent * z, "output": cotangent * (sigmoid_exact(z) - t)}
    o = _clip(output)
    eps = float(_bounds(output.dtype)[0])
    slope = (1 - t) / (1 - o + eps) - t / (o + eps)
    return {"target": cotangent * (np.log(1 - o + eps) - np.log(o + eps)),
            "output": np.where(_inside(output), cotangent * slope, 0.0)}


@op
def binary_focal_crossentropy(target, output, apply_class_balancing=False, alpha=0.25, gamma=2.0,
                              from_logits=False):
    """``(1 - p_t) ** gamma * binary_crossentropy(target, output, from_logits)`` (tf_keras only).

    ``p_t = t p + (1 - t)(1 - p)`` with ``p = sigmoid(output)`` for logits, else the
    unclipped ``output``. ``apply_class_balancing`` multiplies by ``t alpha + (1 - t)(1 - alpha)``.
    """
    t = np.asarray(target, np.float64)
    z = np.asarray(output, np.float64)
    p = 1 / (1 + np.exp(-z)) if from_logits else z
    p_t = t * p + (1 - t) * (1 - p)
    loss = (1 - p_t) ** gamma * _binary(target, output, from_logits)
    if apply_class_balancing:
        loss = (t * alpha + (1 - t) * (1 - alpha)) * loss
    return loss.astype(output.dtype)


@binary_focal_crossentropy.gradient("target", "output")
def _binary_focal_crossentropy_gradient(cotangent, result, target, output, apply_class_balancing, alpha, gamma,
                                        from_logits):
    """The product rule on ``weight * (1 - p_t) ** gamma * bce``: the focal factor's derivative
    ``-gamma (1 - p_t) ** (gamma - 1)`` times ``p_t``'s (``2 t - 1`` in ``p``, times ``p (1 - p)``
    from logits; ``2 p - 1`` in ``t``; none lost to clipping, as ``p`` is the unclipped output),
    plus the factor times ``binary_crossentropy``'s gradient (clipped as that one is). With
    ``gamma = 0`` the factor is the constant 1: derivative 0."""
    t, z = wide(target), wide(output)
    p = sigmoid_exact(z) if from_logits else z
    factor, slope = _focal_factor(1 - (t * p + (1 - t) * (1 - p)), gamma)
    in_p_t = -slope
    bce = _binary(target, output, from_logits)
    bce_gradient = _binary_crossentropy_gradient(np.ones_like(bce), None, target, output, from_logits)
    weight = t * alpha + (1 - t) * (1 - alpha) if apply_class_balancing else 1.0
    in_output = weight * (in_p_t * (2 * t - 1) * (p * (1 - p) if from_logits else 1.0) * bce
                          + factor * bce_gradient["output"])
    in_target = weight * (in_p_t * (2 * p - 1) * bce + factor * bce_gradient["target"])
    if apply_class_balancing:
        in_target = in_target + (2 * alpha - 1) * factor * bce
    return {"target": cotangent * in_target, "output": cotangent * in_output}


def _focal_factor(base: np.ndarray, gamma: float) -> tuple[np.ndarray, np.ndarray]:
    """The focal factor ``base ** gamma`` and its derivative in ``base``, ``gamma base ** (gamma - 1)``:
    0 where ``gamma = 0`` (the factor is the constant 1; the formula would give ``0 * 0 ** -1``)."""
    slope = gamma * base ** (gamma - 1) if gamma else np.zeros_like(base)
    return base ** gamma, slope


@op
def categorical_focal_crossentropy(target, output, alpha=0.25, gamma=2.0, from_logits=False, axis=-1):
    """``sum(alpha * (1 - p) ** gamma * -target * log p, axis)`` (tf_keras only), with ``p``
    the softmax of logits or ``output``, renormalised along ``axis`` and clipped to
    ``[eps, 1 - eps]`` (the same ``p`` as ``categorical_crossentropy``'s probabilities)."""
    if np.shape(target) != np.shape(output):
        raise ValueError(f"target shape {np.shape(target)} is not compatible with output shape {np.shape(output)}")
    p = _categorical_probabilities(output, from_logits, axis)
    t = np.asarray(target, np.float64)
    return np.sum(alpha * (1 - p) ** gamma * (-t * np.log(p)), axis=axis).astype(output.dtype)


@categorical_focal_crossentropy.gradient("target", "output")
def _categorical_focal_crossentropy_gradient(cotangent, result, target, output, alpha, gamma, from_logits, axis):
    """In ``p`` (the clipped, renormalised probabilities): ``alpha t (gamma (1 - p) ** (gamma - 1) log p
    - (1 - p) ** gamma / p)``, carried back through the clipping, the renormalisation and, from logits,
    the softmax (TensorFlow differentiates each of them: no fused kernel here). In ``target``:
    ``-alpha (1 - p) ** gamma log p``. With ``gamma = 0`` the factor is the constant 1."""
    g = np.expand_dims(cotangent, axis)
    t = wide(target)
    p = _categorical_probabilities(output, from_logits, axis)
    factor, slope = _focal_factor(1 - p, gamma)
    in_p = g * alpha * t * (slope * np.log(p) - factor / p)
    return {"target": -g * alpha * factor * np.log(p),
            "output": _through_probabilities(in_p, output, from_logits, axis)}
