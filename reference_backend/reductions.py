"""Reductions over axes (category: reductions).

Common contract of ``max min sum prod mean var std any all logsumexp``:
``axis`` is None (every axis), an int (negative counts from the end) or a
list of ints; reduced axes are dropped unless ``keepdims``, which keeps them
with size 1. The result keeps the input's dtype, except where an entry says
otherwise. Float results are computed in float64 and rounded once to the
input's dtype: the exactly rounded answer any summation order approaches.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .config import floatx
from .dispatch import op

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


@op
def max(x, axis=None, keepdims=False):
    """Largest element over ``axis`` (``tf.reduce_max``); NaN wins; an empty
    reduction gives the dtype's lowest value (``-inf`` for floats)."""
    return _extreme(x, np.maximum, _lowest(x.dtype), axis, keepdims)


@op
def min(x, axis=None, keepdims=False):
    """Smallest element over ``axis`` (``tf.reduce_min``); NaN wins; an empty
    reduction gives the dtype's highest value (``inf`` for floats)."""
    return _extreme(x, np.minimum, _highest(x.dtype), axis, keepdims)


def _total(x: np.ndarray, axis: Any, keepdims: bool) -> np.ndarray:
    """The sum over ``axis``, floats in float64 (not yet rounded to ``x``'s dtype)."""
    with np.errstate(invalid="ignore", over="ignore"):
        return np.sum(_wide(x), axis=_axes(axis), keepdims=keepdims)


@op
def sum(x, axis=None, keepdims=False):
    """Sum over ``axis`` in the input's dtype (integers wrap on overflow); empty sums are 0."""
    return _total(x, axis, keepdims).astype(x.dtype)


@op
def prod(x, axis=None, keepdims=False):
    """Product over ``axis`` in the input's dtype (int32 stays int32, unlike
    numpy's default); empty products are 1."""
    with np.errstate(invalid="ignore", over="ignore", under="ignore"):
        return np.prod(_wide(x), axis=_axes(axis), keepdims=keepdims, dtype=_wide(x).dtype).astype(x.dtype)


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


@op
def std(x, axis=None, keepdims=False):
    """``sqrt(var(x, axis, keepdims))``: population standard deviation; bool
    input is cast to floatx first."""
    x = _as_floatx_if_bool(x)
    return np.sqrt(_variance(x, axis, keepdims)).astype(x.dtype)


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


@op
def cumprod(x, axis=0):
    """Running product along ``axis`` (default the first axis); same shape and dtype as ``x``."""
    with np.errstate(invalid="ignore", over="ignore", under="ignore"):
        return np.cumprod(_wide(x), axis=axis, dtype=_wide(x).dtype).astype(x.dtype)


@op
def logsumexp(x, axis=None, keepdims=False):
    """``log(sum(exp(x)))`` over ``axis``, computed stably by shifting by the
    maximum (``tf.reduce_logsumexp``): ``logsumexp([1e4, 1e-4]) == 1e4``, not inf.
    An infinite maximum is not shifted by, so ``[inf, 1] -> inf``,
    ``[-inf, -inf] -> -inf``; an empty reduction is ``-inf``; NaN gives NaN.
    Classic Keras 2.3 only: tf_keras still defines it but does not export it."""
    wide = x.astype(np.float64)
    with np.errstate(all="ignore"):
        peak = np.maximum.reduce(wide, axis=_axes(axis), keepdims=True, initial=-np.inf)
        shift = np.where(np.isfinite(peak), peak, 0.0)
        result = np.log(np.sum(np.exp(wide - shift), axis=_axes(axis), keepdims=True)) + shift
    if not keepdims:
        result = np.squeeze(result, axis=_axes(axis)) if axis is not None else result.reshape(())
    return result.astype(x.dtype)
