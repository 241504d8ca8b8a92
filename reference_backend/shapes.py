"""Shape manipulation: reshaping, joining, padding, indexing (category: shape manipulation).

Results keep the input's dtype unless an entry says otherwise (``one_hot``
answers float32, ``size`` int32, ``arange`` follows its own rules). Arguments
that decide a result's shape (axes, patterns, paddings, data formats) are
checked when the entry is called, on concrete and symbolic tensors alike, so
errors surface where tf_keras raises them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from .config import image_data_format
from .dispatch import op

__all__ = [
    "gather", "concatenate", "reshape", "permute_dimensions", "repeat_elements", "repeat", "arange", "tile",
    "flatten", "batch_flatten", "expand_dims", "squeeze", "temporal_padding", "spatial_2d_padding",
    "spatial_3d_padding", "stack", "one_hot", "reverse", "slice", "size",
]


def static_shape(x: Any) -> tuple:
    """``x``'s shape without evaluating it: None for a placeholder's unknown dimensions."""
    shape = getattr(x, "shape", None)
    return tuple(shape) if shape is not None else np.shape(x)


@op
def gather(reference, indices):
    """The rows of ``reference`` (its axis 0) at integer ``indices``: shape
    ``indices.shape + reference.shape[1:]``. Every index must lie in
    ``[0, len(reference))``: out of range (negatives included) is an error, as
    tf_keras raises on CPU (never wrapped around; the classic numpy reference wrapped negatives)."""
    indices = np.asarray(indices)
    outside = (indices < 0) | (indices >= reference.shape[0])
    if outside.any():
        raise IndexError(f"gather: index {indices[outside].flat[0]} is not in [0, {reference.shape[0]})")
    return np.take(reference, indices, axis=0)


def concatenate(tensors: Sequence[Any], axis: int = -1) -> Any:
    """``tensors`` joined along ``axis``; a negative axis counts from the end of
    ``tensors[0]``'s rank (for a rank-0 first tensor it means axis 0)."""
    if axis < 0:
        rank = len(static_shape(tensors[0]))
        axis = axis % rank if rank else 0
    return _concatenate(list(tensors), axis)


@op
def _concatenate(tensors, axis):
    return np.concatenate(tensors, axis=axis)


@op
def reshape(x, shape):
    """``x``'s elements in row-major order, in ``shape`` (a tuple; one -1 may stand
    for the size that makes the element count match)."""
    return np.reshape(x, shape)


@op
def permute_dimensions(x, pattern):
    """``x`` with its axes reordered: result axis ``i`` is ``x``'s axis ``pattern[i]``."""
    return np.transpose(x, pattern)


@op
def repeat_elements(x, rep, axis):
    """``numpy.repeat(x, rep, axis)``: each slice along ``axis`` repeated ``rep``
    times consecutively (``[a, b] -> [a, a, b, b]``), not the whole tensor tiled.
    tf_keras raises for ``rep == 0`` and for an empty ``axis``; numpy's answer (an empty axis) is given here."""
    return np.repeat(x, rep, axis=axis)


def repeat(x: Any, n: int) -> Any:
    """A rank-2 ``x`` of shape ``(batch, d)`` repeated ``n`` times along a new
    axis 1: shape ``(batch, n, d)``. Any other rank is an error (tf_keras asserts)."""
    if len(static_shape(x)) != 2:
        raise ValueError(f"repeat needs a tensor of rank 2, got shape {static_shape(x)}")
    return _repeat(x, n)


@op
def _repeat(x, n):
    return np.repeat(x[:, np.newaxis, :], n, axis=1)


@op
def arange(start, stop=None, step=1, dtype="int32"):
    """A 1-D tensor of ``start, start + step, ...`` below ``stop`` (above it for a negative step).

    * Theano's convention: one argument is ``stop``; a negative single argument
      gives an empty tensor (``arange(-20)`` is empty).
    * dtype: the values are computed in int32 when ``start``, ``stop`` and
      ``step`` are all ints, else in float32 (as ``start + i * step`` in float32);
      they are cast to ``dtype`` only when ``dtype != 'int32'``, so
      ``arange(0, 10, 1.5)`` with the default dtype is **float32**, whatever floatx.
    * ``start > stop`` with a positive step (or the reverse) is outside the
      contract (tf_keras raises; this gives an empty tensor).
    """
    if stop is None:
        start, stop = 0, max(start, 0)
    computed = np.float32 if any(isinstance(v, (float, np.floating)) for v in (start, stop, step)) else np.int32
    start, stop, step = computed(start), computed(stop), computed(step)
    if computed is np.int32:
        count = max(0, -(-(int(stop) - int(start)) // int(step)))
    else:
        count = max(0, math.ceil((stop - start) / step))  # in float32, as tf.range counts
    values = start + step * np.arange(count, dtype=computed)
    return values if dtype == "int32" else values.astype(dtype)


def tile(x: Any, n: Any) -> Any:
    """``x`` repeated ``n[i]`` times along each axis ``i`` (``numpy.tile``); an
    int ``n`` means ``[n]``. ``n`` must have one entry per axis of ``x``
    (``ValueError`` otherwise), as tf_keras requires. Classic Keras 2.3 and its
    numpy reference pad a shorter ``n`` with leading ones like ``numpy.tile``;
    the checks leave that case out, so both families conform."""
    n = [n] if np.ndim(n) == 0 else list(n)  # an int, numpy's included
    if len(n) != len(static_shape(x)):
        raise ValueError(f"tile: n={n} needs one entry per axis of a tensor of shape {static_shape(x)}")
    return _tile(x, n)


@op
def _tile(x, n):
    return np.tile(x, n)


@op
def flatten(x):
    """``x``'s elements in row-major order, as a 1-D tensor (a scalar gives shape ``(1,)``)."""
    return np.reshape(x, -1)


@op
def batch_flatten(x):
    """``x`` of shape ``(batch, d1, d2, ...)`` as ``(batch, d1 * d2 * ...)``, row-major;
    rank 1 gives ``(batch, 1)``, a scalar ``(1, 1)``. An empty feature
    dimension keeps the batch: ``(2, 0, 3) -> (2, 0)`` (tf_keras answers ``(6, 0)``)."""
    if x.ndim == 0:
        return np.reshape(x, (1, 1))
    return np.reshape(x, (x.shape[0], int(np.prod(x.shape[1:]))))


@op
def expand_dims(x, axis=-1):
    """``x`` with a new axis of size 1 at position ``axis`` of the result, in
    ``[-ndim - 1, ndim]`` (-1: a new last axis)."""
    return np.expand_dims(x, axis)


@op
def squeeze(x, axis):
    """``x`` without its axis ``axis``, which must have size 1 (``ValueError`` otherwise)."""
    if x.shape[axis] != 1:
        raise ValueError(f"squeeze: axis {axis} of a tensor of shape {x.shape} has size {x.shape[axis]}, not 1")
    return np.squeeze(x, axis)


def temporal_padding(x: Any, padding: Sequence[int] = (1, 1)) -> Any:
    """A rank-3 ``x`` (batch, steps, features) with ``padding[0]`` zeros before
    and ``padding[1]`` after along axis 1."""
    if len(padding) != 2:
        raise ValueError(f"temporal_padding: padding must be (left, right), got {padding!r}")
    return _pad(x, ((0, 0), tuple(padding), (0, 0)))


def spatial_2d_padding(x: Any, padding: Sequence[Sequence[int]] = ((1, 1), (1, 1)),
                       data_format: str | None = None) -> Any:
    """A rank-4 ``x`` zero-padded on its two spatial axes: ``padding[i] = (before,
    after)`` for spatial axis ``i``, which are axes 1, 2 (``channels_last``) or
    2, 3 (``channels_first``); ``data_format`` None means ``image_data_format()``.
    Another ``data_format``: ``ValueError``."""
    return _pad(x, _spatial_pattern(padding, 2, data_format))


def spatial_3d_padding(x: Any, padding: Sequence[Sequence[int]] = ((1, 1), (1, 1), (1, 1)),
                       data_format: str | None = None) -> Any:
    """The rank-5 analogue of ``spatial_2d_padding``: three spatial axes, 1..3
    (``channels_last``) or 2..4 (``channels_first``)."""
    return _pad(x, _spatial_pattern(padding, 3, data_format))


def _spatial_pattern(padding: Sequence[Sequence[int]], spatial: int, data_format: str | None) -> tuple:
    """The ``numpy.pad`` widths of a spatial padding: zeros for the batch and channel axes."""
    if len(padding) != spatial or any(len(pair) != 2 for pair in padding):
        raise ValueError(f"padding must be {spatial} pairs (before, after), got {padding!r}")
    data_format = image_data_format() if data_format is None else data_format
    if data_format not in ("channels_first", "channels_last"):
        raise ValueError(f"Unknown data_format: {data_format}")
    widths = tuple(tuple(pair) for pair in padding)
    return ((0, 0), (0, 0)) + widths if data_format == "channels_first" else ((0, 0),) + widths + ((0, 0),)


@op
def _pad(x, widths):
    if x.ndim != len(widths):
        raise ValueError(f"padding for {len(widths)} axes given for a tensor of shape {x.shape}")
    return np.pad(x, widths)


@op
def stack(x, axis=0):
    """The same-shape tensors of the list ``x`` joined along a new axis ``axis``
    of the result, in ``[-ndim - 1, ndim]`` of the inputs' rank."""
    return np.stack(x, axis=axis)


@op
def one_hot(indices, num_classes):
    """Integer ``indices`` as one-hot vectors: shape ``indices.shape + (num_classes,)``,
    **float32 whatever floatx**; an index outside ``[0, num_classes)`` (negative
    included) gives a row of zeros."""
    return (np.asarray(indices)[..., np.newaxis] == np.arange(num_classes)).astype(np.float32)


@op
def reverse(x, axes):
    """``x`` reversed along ``axes``: an int, or a list of axes (every one of them; empty: unchanged)."""
    axes = (axes,) if np.ndim(axes) == 0 else tuple(axes)
    return np.flip(x, axis=axes) if axes else x


def slice(x: Any, start: Sequence[int], size: Sequence[int]) -> Any:  # noqa: A001 (the entry's name)
    """The block of ``x`` beginning at index ``start`` with extent ``size``, one
    entry per axis of ``x`` (``ValueError`` otherwise); a size of -1 means "to the
    end of the axis". Classic Keras 2.3 only (``tf.slice``); tf_keras does not export it."""
    rank = len(static_shape(x))
    if not len(start) == len(size) == rank:
        raise ValueError("The dimension and the size of indices should match.")
    return _slice(x, tuple(start), tuple(size))


@op
def _slice(x, start, size):
    return x[tuple(np.s_[b:None if s == -1 else b + s] for b, s in zip(start, size))]


@op
def size(x, name=None):
    """The number of elements of ``x``, an int32 scalar tensor (known only when
    ``x`` is evaluated). Classic Keras 2.3 only (``tf.size``); tf_keras does not export it."""
    return np.asarray(np.size(x), dtype=np.int32)
