"""Reductions over axes (category: reductions).

Common contract of ``max min sum prod mean var std any all logsumexp``:
``axis`` is None (every axis), an int (negative counts from the end) or a
list of ints; reduced axes are dropped unless ``keepdims``, which keeps them
with size 1. The result keeps the input's dtype, except where an entry says
otherwise. Float results are computed in float64 and rounded once to the
input's dtype: the exactly rounded answer any summation order approaches.

Gradient rules follow the entries (``backprop``); bool results (``any``,
``all``) and integer ones (``argmax``, ``argmin``) pass no gradient.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .config import floatx
from .dispatch import op, wide

__all__ = ["max", "min", "sum", "prod", "mean", "var", "std", "any", "all",
           "argmax", "argmin", "cumsum", "cumprod", "logsumexp"]


def _axes(axis: Any) -> tuple[int, ...] | int | None:
    """``axis`` as numpy takes it: lists become tuples."""
    return tuple(axis) if isinstance(axis, (list, tuple)) else axis


def _wide(x: np.ndarray) -> np.ndarray:
    """``x`` in the precision its reduction is computed in: float64 for floats."""
    return x.astype(np.float64) if x.dtype.kind == "f" else x


def _extreme(x: np.ndarray, reducer: np.ufunc, empty_identity: Any, axis: Any, keepdims: bool) -> np.ndarray:
    # An empty reduction answers the identity of max/min (tf.reduce_max of nothing is -inf), where numpy raises.
    return reducer.reduce(x, axis=_axes(axis), keepdims=keepdims, initial=empty_identity).astype(x.dtype)


def _lowest(dtype: np.dtype) -> Any:
    return -np.inf if dtype.kind == "f" else np.iinfo(dtype).min


def _highest(dtype: np.dtype) -> Any:
    return np.inf if dtype.kind == "f" else np.iinfo(dtype).max


def _reduced(x: np.ndarray, axis: Any) -> tuple[int, ...]:
    """The axes a reduction over ``axis`` combines, non-negative and sorted."""
    if axis is None:
        return tuple(range(x.ndim))
    axes = axis if isinstance(axis, (list, tuple)) else [axis]
    return tuple(sorted(a % x.ndim for a in axes))


def _spread(cotangent: np.ndarray, x: np.ndarray, axis: Any, keepdims: bool) -> np.ndarray:
    """The cotangent of a reduction's result broadcast back over ``x``'s shape."""
    if not keepdims:
        cotangent = np.expand_dims(cotangent, _reduced(x, axis))
    return np.broadcast_to(cotangent, x.shape)


def _kept(result: np.ndarray, x: np.ndarray, axis: Any, keepdims: bool) -> np.ndarray:
    """A reduction's ``result`` with its reduced axes restored as size 1."""
    return np.asarray(result) if keepdims else np.expand_dims(result, _reduced(x, axis))


def _extreme_gradient(cotangent, result, x, axis=None, keepdims=False):
    """Split equally among the elements equal to the extreme (TensorFlow's reduce_max and
    reduce_min gradients: ``indicators / count(indicators)``), so two tied maxima get half each."""
    chosen = (x == _kept(result, x, axis, keepdims)).astype(np.float64)
    count = np.sum(chosen, axis=_reduced(x, axis), keepdims=True)
    return {"x": _spread(cotangent, x, axis, keepdims) * chosen / count}


@op
def max(x, axis=None, keepdims=False):
    """Largest element over ``axis`` (``tf.reduce_max``); NaN wins; an empty
    reduction gives the dtype's lowest value (``-inf`` for floats)."""
    return _extreme(x, np.maximum, _lowest(x.dtype), axis, keepdims)


max.gradient("x")(_extreme_gradient)


@op
def min(x, axis=None, keepdims=False):
    """Smallest element over ``axis`` (``tf.reduce_min``); NaN wins; an empty
    reduction gives the dtype's highest value (``inf`` for floats)."""
    return _extreme(x, np.minimum, _highest(x.dtype), axis, keepdims)


min.gradient("x")(_extreme_gradient)


def _total(x: np.ndarray, axis: Any, keepdims: bool) -> np.ndarray:
    """The sum over ``axis``, floats in float64 (not yet rounded to ``x``'s dtype)."""
    with np.errstate(invalid="ignore", over="ignore"):
        return np.sum(_wide(x), axis=_axes(axis), keepdims=keepdims)


@op
def sum(x, axis=None, keepdims=False):
    """Sum over ``axis`` in the input's dtype (integers wrap on overflow); empty sums are 0."""
    return _total(x, axis, keepdims).astype(x.dtype)


@sum.gradient("x")
def _sum_gradient(cotangent, result, x, axis, keepdims):
    """Ones: the cotangent spread over the summed axes."""
    return {"x": _spread(cotangent, x, axis, keepdims)}


@op
def prod(x, axis=None, keepdims=False):
    """Product over ``axis`` in the input's dtype (int32 stays int32, unlike
    numpy's default); empty products are 1. A list of tensors is packed first, as
    TensorFlow converts it (Keras 2.3.1's BatchNormalization multiplies a list of sizes)."""
    x = np.asarray(x)
    with np.errstate(invalid="ignore", over="ignore", under="ignore"):
        return np.prod(_wide(x), axis=_axes(axis), keepdims=keepdims, dtype=_wide(x).dtype).astype(x.dtype)


@prod.gradient("x")
def _prod_gradient(cotangent, result, x, axis, keepdims):
    """The product of the other elements, computed as such (exclusive products from both
    ends), so exact when some are 0: ``d prod([0, 2, 3]) = [6, 0, 0]`` (TensorFlow's ProdGrad
    computes it the same way). An empty ``x`` has an empty gradient."""
    if x.size == 0:
        return {"x": np.zeros(x.shape)}
    axes = _reduced(x, axis)
    ends = tuple(range(x.ndim - len(axes), x.ndim))
    moved = np.moveaxis(wide(x), axes, ends)
    flat = moved.reshape(moved.shape[:x.ndim - len(axes)] + (-1,))
    ones = np.ones(flat.shape[:-1] + (1,))
    before = np.cumprod(np.concatenate([ones, flat[..., :-1]], axis=-1), axis=-1)
    after = np.flip(np.cumprod(np.concatenate([ones, np.flip(flat, -1)[..., :-1]], axis=-1), axis=-1), -1)
    others = np.moveaxis((before * after).reshape(moved.shape), ends, axes)
    return {"x": _spread(cotangent, x, axis, keepdims) * others}


def _count(x: np.ndarray, axis: Any) -> int:
    """How many elements each reduction over ``axis`` combines."""
    if axis is None:
        return x.size
    axes = axis if isinstance(axis, (list, tuple)) else [axis]
    return int(np.prod([x.shape[a] for a in axes], dtype=np.int64))


def _as_floatx_if_bool(x: np.ndarray) -> np.ndarray:
    return x.astype(floatx()) if x.dtype == np.bool_ else x


@op
def mean(x, axis=None, keepdims=False):
    """Mean over ``axis`` (``tf.reduce_mean``). Bool input is cast to floatx
    first. Integer input gives an integer mean: the sum (in the input's dtype)
    divided by the count, truncated toward zero (``mean([-1, -2]) == -1``);
    an empty integer mean is 0. An empty float mean is NaN.
    Classic Keras 2.3 with Theano/CNTK computes integer means in floatx."""
    x = _as_floatx_if_bool(x)
    total = _total(x, axis, keepdims)
    count = _count(x, axis)
    if x.dtype.kind == "f":
        with np.errstate(invalid="ignore"):
            return (total / count).astype(x.dtype)  # 0 / 0: NaN
    if count == 0:
        return np.zeros_like(total, dtype=x.dtype)
    # The int32 sum wraps as tf's does, then truncating division (exact in float64 for int32 sums).
    return np.trunc(total.astype(x.dtype).astype(np.float64) / count).astype(x.dtype)


@mean.gradient("x")
def _mean_gradient(cotangent, result, x, axis, keepdims):
    """``1 / n`` for each of the ``n`` averaged elements."""
    return {"x": _spread(cotangent, x, axis, keepdims) / _count(x, axis)}


def _variance(x: np.ndarray, axis: Any, keepdims: bool) -> np.ndarray:
    """Population variance (divide by n, not n - 1) in float64; NaN when empty."""
    if x.dtype.kind not in "fb":
        raise TypeError(f"var/std need a float or bool tensor, got {x.dtype.name} (tf_keras: TypeError)")
    wide = x.astype(np.float64)
    count = _count(x, axis)
    with np.errstate(invalid="ignore", divide="ignore"):
        centre = np.sum(wide, axis=_axes(axis), keepdims=True) / count
        return np.sum(np.square(wide - centre), axis=_axes(axis), keepdims=keepdims) / count


@op
def var(x, axis=None, keepdims=False):
    """Population variance over ``axis`` (``mean(square(x - mean(x)))``, ddof=0).
    Bool input is cast to floatx first; integer input raises TypeError (as tf_keras)."""
    x = _as_floatx_if_bool(x)
    return _variance(x, axis, keepdims).astype(x.dtype)


def _centred(x: np.ndarray, axis: Any) -> np.ndarray:
    """``x - mean(x, axis)`` in float64."""
    x64 = wide(x)
    return x64 - np.mean(x64, axis=_axes(axis), keepdims=True)


@var.gradient("x")
def _var_gradient(cotangent, result, x, axis, keepdims):
    """``2 (x - mean) / n``."""
    return {"x": _spread(cotangent, x, axis, keepdims) * 2 * _centred(x, axis) / _count(x, axis)}


@op
def std(x, axis=None, keepdims=False):
    """``sqrt(var(x, axis, keepdims))``: population standard deviation; bool
    input is cast to floatx first."""
    x = _as_floatx_if_bool(x)
    return np.sqrt(_variance(x, axis, keepdims)).astype(x.dtype)


@std.gradient("x")
def _std_gradient(cotangent, result, x, axis, keepdims):
    """``(x - mean) / (n std)``: NaN where the elements are all equal (0 / 0, as TensorFlow)."""
    deviation = np.sqrt(_variance(x, axis, True))
    return {"x": _spread(cotangent, x, axis, keepdims) * _centred(x, axis) / (_count(x, axis) * deviation)}


@op
def any(x, axis=None, keepdims=False):
    """Logical OR over ``axis`` after casting to bool (non-zero and NaN are
    True); bool result; an empty reduction is False."""
    return np.any(x.astype(bool), axis=_axes(axis), keepdims=keepdims)


@op
def all(x, axis=None, keepdims=False):
    """Logical AND over ``axis`` after casting to bool; bool result; an empty reduction is True."""
    return np.all(x.astype(bool), axis=_axes(axis), keepdims=keepdims)


@op
def argmax(x, axis=-1):
    """Index (int64) of the largest element along ``axis`` -- the last axis by
    default, unlike numpy. Ties give the first index (tf_keras on CPU).
    The axis must be non-empty; NaN inputs are not part of the contract."""
    return np.argmax(x, axis=axis).astype(np.int64)


@op
def argmin(x, axis=-1):
    """Index (int64) of the smallest element along ``axis`` (default the last);
    ties give the first index."""
    return np.argmin(x, axis=axis).astype(np.int64)


@op
def cumsum(x, axis=0):
    """Running sum along ``axis`` -- the first axis by default, unlike numpy's
    flattening; same shape and dtype as ``x``."""
    with np.errstate(invalid="ignore", over="ignore"):
        return np.cumsum(_wide(x), axis=axis, dtype=_wide(x).dtype).astype(x.dtype)


@cumsum.gradient("x")
def _cumsum_gradient(cotangent, result, x, axis):
    """The cotangent summed from the end: element ``i`` feeds every running sum ``j >= i``."""
    return {"x": np.flip(np.cumsum(np.flip(cotangent, axis), axis=axis), axis)}


@op
def cumprod(x, axis=0):
    """Running product along ``axis`` (default the first axis); same shape and dtype as ``x``."""
    with np.errstate(invalid="ignore", over="ignore", under="ignore"):
        return np.cumprod(_wide(x), axis=axis, dtype=_wide(x).dtype).astype(x.dtype)


@cumprod.gradient("x")
def _cumprod_gradient(cotangent, result, x, axis):
    """``sum over j >= i of cotangent[j] * prod(x[k] for k <= j, k != i)``, computed as such, so
    exact where some ``x`` are 0. TensorFlow's CumprodGrad divides by ``x`` (``div_no_nan``)
    and answers 0 there instead: ``d sum(cumprod([0, 2, 3]))`` is ``[9, 0, 0]`` exactly, TF says
    ``[0, 0, 0]``; elsewhere they agree."""
    moved, weights = np.moveaxis(wide(x), axis, -1), np.moveaxis(np.asarray(cotangent), axis, -1)
    gradient = np.zeros(moved.shape)
    for i in range(moved.shape[-1]):
        without_i = moved.copy()
        without_i[..., i] = 1.0
        gradient[..., i] = np.sum(weights[..., i:] * np.cumprod(without_i, axis=-1)[..., i:], axis=-1)
    return {"x": np.moveaxis(gradient, -1, axis)}


def _shifted_exp(x: np.ndarray, axis: Any) -> tuple[np.ndarray, np.ndarray]:
    """``exp(x - m)`` in float64 and ``m``, the maximum over ``axis`` (kept) where it is finite, else 0."""
    wide_x = x.astype(np.float64)
    with np.errstate(all="ignore"):
        peak = np.maximum.reduce(wide_x, axis=_axes(axis), keepdims=True, initial=-np.inf)
        shift = np.where(np.isfinite(peak), peak, 0.0)
        return np.exp(wide_x - shift), shift


def _log_sum_exp(x: np.ndarray, axis: Any) -> np.ndarray:
    """``log(sum(exp(x)))`` over ``axis`` in float64, reduced axes kept, shifted by a finite maximum."""
    shifted, shift = _shifted_exp(x, axis)
    with np.errstate(divide="ignore"):
        return np.log(np.sum(shifted, axis=_axes(axis), keepdims=True)) + shift


@op
def logsumexp(x, axis=None, keepdims=False):
    """``log(sum(exp(x)))`` over ``axis``, computed stably by shifting by the
    maximum (``tf.reduce_logsumexp``): ``logsumexp([1e4, 1e-4]) == 1e4``, not inf.
    An infinite maximum is not shifted by, so ``[inf, 1] -> inf``,
    ``[-inf, -inf] -> -inf``; an empty reduction is ``-inf``; NaN gives NaN.
    Classic Keras 2.3 only: tf_keras still defines it but does not export it."""
    result = _log_sum_exp(x, axis)
    if not keepdims:
        result = np.squeeze(result, axis=_axes(axis)) if axis is not None else result.reshape(())
    return result.astype(x.dtype)


@logsumexp.gradient("x")
def _logsumexp_gradient(cotangent, result, x, axis, keepdims):
    """The softmax over the axes, ``exp(x - m) / sum(exp(x - m))`` with ``m`` the finite maximum
    (the derivative of ``tf.reduce_logsumexp``'s own shifted form): 0 for ``-inf`` elements; NaN
    when every element is ``-inf`` or one is ``+inf``. Not ``exp(x - logsumexp(x))``: near the top of
    the float range ``logsumexp`` rounds to the maximum (``3.4e38 + log 2`` is ``3.4e38`` even in
    float64), and that form answers 1 for each of two equal maxima instead of 1/2."""
    shifted, _ = _shifted_exp(x, axis)
    with np.errstate(invalid="ignore"):
        softmax = shifted / np.sum(shifted, axis=_axes(axis), keepdims=True)
    return {"x": _spread(cotangent, x, axis, keepdims) * softmax}
