"""Shape manipulation: reshaping, joining, padding, indexing (category: shape manipulation).

Results keep the input's dtype unless an entry says otherwise (``one_hot``
answers float32, ``size`` int32, ``arange`` follows its own rules). Arguments
that decide a result's shape (axes, patterns, paddings, data formats) are
checked when the entry is called, on concrete and symbolic tensors alike, so
errors surface where tf_keras raises them.

Each gradient rule (``backprop``) moves the cotangent back where the entry took
its elements from; an element used several times (``tile``, ``gather`` with
repeated indices) sums its cotangents.
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


@gather.gradient("reference")
def _gather_gradient(cotangent, result, reference, indices):
    """Each row's cotangents added up (a row gathered twice gets both)."""
    gradient = np.zeros(np.shape(reference))
    np.add.at(gradient, np.asarray(indices), cotangent)
    return {"reference": gradient}


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


@_concatenate.gradient("tensors")
def _concatenate_gradient(cotangent, result, tensors, axis):
    """The cotangent cut back into the joined tensors' pieces."""
    ends = np.cumsum([np.shape(t)[axis] for t in tensors])[:-1]
    return {"tensors": np.split(cotangent, ends, axis=axis)}


@op
def reshape(x, shape):
    """``x``'s elements in row-major order, in ``shape`` (a tuple; one -1 may stand
    for the size that makes the element count match)."""
    return np.reshape(x, shape)


def _same_elements_gradient(cotangent, result, x, **layout):
    """For entries that only lay ``x``'s elements out in another shape: the cotangent in ``x``'s shape."""
    return {"x": np.reshape(cotangent, np.shape(x))}


reshape.gradient("x")(_same_elements_gradient)


@op
def permute_dimensions(x, pattern):
    """``x`` with its axes reordered: result axis ``i`` is ``x``'s axis ``pattern[i]``."""
    return np.transpose(x, pattern)


@permute_dimensions.gradient("x")
def _permute_dimensions_gradient(cotangent, result, x, pattern):
    """The cotangent's axes put back by the inverse permutation."""
    return {"x": np.transpose(cotangent, np.argsort(pattern))}


@op
def repeat_elements(x, rep, axis):
    """``numpy.repeat(x, rep, axis)``: each slice along ``axis`` repeated ``rep``
    times consecutively (``[a, b] -> [a, a, b, b]``), not the whole tensor tiled.
    tf_keras raises for ``rep == 0`` and for an empty ``axis``; numpy's answer (an empty axis) is given here."""
    return np.repeat(x, rep, axis=axis)


def repeated_gradient(cotangent: np.ndarray, rep: int, axis: int) -> np.ndarray:
    """The cotangent of ``numpy.repeat(x, rep, axis)``'s result summed over each run of ``rep`` copies."""
    axis = axis % cotangent.ndim
    shape = cotangent.shape
    return np.sum(np.reshape(cotangent, shape[:axis] + (shape[axis] // rep if rep else 0, rep) + shape[axis + 1:]),
                  axis=axis + 1)


@repeat_elements.gradient("x")
def _repeat_elements_gradient(cotangent, result, x, rep, axis):
    """Each slice's ``rep`` copies' cotangents added up."""
    return {"x": repeated_gradient(cotangent, rep, axis)}


def repeat(x: Any, n: int) -> Any:
    """A rank-2 ``x`` of shape ``(batch, d)`` repeated ``n`` times along a new
    axis 1: shape ``(batch, n, d)``. Any other rank is an error (tf_keras asserts)."""
    if len(static_shape(x)) != 2:
        raise ValueError(f"repeat needs a tensor of rank 2, got shape {static_shape(x)}")
    return _repeat(x, n)


@op
def _repeat(x, n):
    return np.repeat(x[:, np.newaxis, :], n, axis=1)


@_repeat.gradient("x")
def _repeat_gradient(cotangent, result, x, n):
    """The ``n`` copies' cotangents added up."""
    return {"x": np.sum(cotangent, axis=1)}


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


@_tile.gradient("x")
def _tile_gradient(cotangent, result, x, n):
    """The tiles' cotangents added up: each axis of the result split into (copies, size)."""
    shape = np.shape(x)
    rank = max(len(n), len(shape))  # numpy.tile (classic Keras) pads the shorter of n and the shape with ones
    copies, sizes = (1,) * (rank - len(n)) + tuple(n), (1,) * (rank - len(shape)) + shape
    split = [size for pair in zip(copies, sizes) for size in pair]
    summed = np.sum(np.reshape(cotangent, split), axis=tuple(range(0, 2 * rank, 2)))
    return {"x": np.reshape(summed, shape)}


@op
def flatten(x):
    """``x``'s elements in row-major order, as a 1-D tensor (a scalar gives shape ``(1,)``)."""
    return np.reshape(x, -1)


flatten.gradient("x")(_same_elements_gradient)


@op
def batch_flatten(x):
    """``x`` of shape ``(batch, d1, d2, ...)`` as ``(batch, d1 * d2 * ...)``, row-major;
    rank 1 gives ``(batch, 1)``, a scalar ``(1, 1)``. An empty feature
    dimension keeps the batch: ``(2, 0, 3) -> (2, 0)`` (tf_keras answers ``(6, 0)``)."""
    if x.ndim == 0:
        return np.reshape(x, (1, 1))
    return np.reshape(x, (x.shape[0], int(np.prod(x.shape[1:]))))


batch_flatten.gradient("x")(_same_elements_gradient)


@op
def expand_dims(x, axis=-1):
    """``x`` with a new axis of size 1 at position ``axis`` of the result, in
    ``[-ndim - 1, ndim]`` (-1: a new last axis)."""
    return np.expand_dims(x, axis)


expand_dims.gradient("x")(_same_elements_gradient)


@op
def squeeze(x, axis):
    """``x`` without its axis ``axis``, which must have size 1 (``ValueError`` otherwise)."""
    if x.shape[axis] != 1:
        raise ValueError(f"squeeze: axis {axis} of a tensor of shape {x.shape} has size {x.shape[axis]}, not 1")
    return np.squeeze(x, axis)


squeeze.gradient("x")(_same_elements_gradient)


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


@_pad.gradient("x")
def _pad_gradient(cotangent, result, x, widths):
    """The cotangent of the cells that were ``x``'s (the padding's is dropped)."""
    return {"x": cotangent[tuple(np.s_[before:before + n] for (before, _), n in zip(widths, np.shape(x)))]}


@op
def stack(x, axis=0):
    """The same-shape tensors of the list ``x`` joined along a new axis ``axis``
    of the result, in ``[-ndim - 1, ndim]`` of the inputs' rank."""
    return np.stack(x, axis=axis)


@stack.gradient("x")
def _stack_gradient(cotangent, result, x, axis):
    """The cotangent's slices along the new axis, one per stacked tensor."""
    return {"x": list(np.moveaxis(cotangent, axis, 0))}


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


@reverse.gradient("x")
def _reverse_gradient(cotangent, result, x, axes):
    """The cotangent reversed back."""
    axes = (axes,) if np.ndim(axes) == 0 else tuple(axes)
    return {"x": np.flip(cotangent, axis=axes) if axes else cotangent}


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
    return x[_block(start, size)]


def _block(start: Sequence[int], size: Sequence[int]) -> tuple:
    """The index of the block ``slice`` takes (a size of -1: to the end)."""
    return tuple(np.s_[b:None if s == -1 else b + s] for b, s in zip(start, size))


@_slice.gradient("x")
def _slice_gradient(cotangent, result, x, start, size):
    """The cotangent in the block's place, zeros around it."""
    gradient = np.zeros(np.shape(x))
    gradient[_block(start, size)] = cotangent
    return {"x": gradient}


@op
def size(x, name=None):
    """The number of elements of ``x``, an int32 scalar tensor (known only when
    ``x`` is evaluated). Classic Keras 2.3 only (``tf.size``); tf_keras does not export it."""
    return np.asarray(np.size(x), dtype=np.int32)
