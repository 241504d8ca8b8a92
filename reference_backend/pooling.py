"""Pooling, bias and resizing of images (re-exported by ``conv``, whose
category they share). Results keep the input's dtype, except non-nearest
resizing (float32, as ``tf.image.resize`` answers). Each has its gradient rule
(``backprop``) after it."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .backprop import unbroadcast
from .dispatch import op
from .shapes import repeated_gradient
from .windows import (
    check_padding,
    compute_dtype,
    data_format_of,
    from_channels_last,
    int_tuple,
    reduce_taps,
    to_channels_last,
    windows,
    windows_adjoint,
)

__all__ = ["pool2d", "pool3d", "bias_add", "resize_images", "resize_volumes"]

POOL_MODES = ("max", "avg")


def _pool_layout(x: np.ndarray, pool_size, strides, padding, data_format, pool_mode, rank: int):
    """``(channels-last x, pool_size, strides, padding, data_format)``, each checked."""
    data_format = data_format_of(data_format)
    padding = check_padding(padding)
    if pool_mode not in POOL_MODES:
        raise ValueError("Invalid pooling mode: " + str(pool_mode))
    pool_size = int_tuple(pool_size, rank, "pool_size")
    strides = int_tuple(strides, rank, "strides")
    if min(pool_size + strides) < 1:
        raise ValueError(f"pool_size {pool_size} and strides {strides} must be positive")
    return to_channels_last(x, data_format), pool_size, strides, padding, data_format


def _counts(cl: np.ndarray, pool_size, strides, padding, dtype: np.dtype) -> np.ndarray:
    """How many cells of the input (not of the padding) each window holds."""
    inside = np.ones((1,) + cl.shape[1:-1] + (1,), dtype)
    return reduce_taps(windows(inside, pool_size, strides, (1,) * len(pool_size), padding), np.add, len(pool_size))


def _pool(x: np.ndarray, pool_size, strides, padding, data_format, pool_mode, rank: int) -> np.ndarray:
    cl, pool_size, strides, padding, data_format = _pool_layout(x, pool_size, strides, padding, data_format,
                                                                pool_mode, rank)
    ones = (1,) * rank
    if pool_mode == "max":  # padded cells never win
        result = reduce_taps(windows(cl, pool_size, strides, ones, padding, fill=-np.inf), np.maximum, rank)
    else:  # the mean of the window's cells inside the input: padded cells are not counted
        dtype = compute_dtype(x)
        sums = reduce_taps(windows(cl.astype(dtype), pool_size, strides, ones, padding), np.add, rank)
        result = sums / _counts(cl, pool_size, strides, padding, dtype)
    return from_channels_last(result.astype(x.dtype), data_format)


def _pool_gradient(cotangent, result, x, pool_size, strides, padding, data_format, pool_mode):
    """Max: each window's cotangent goes to its first maximal cell in row-major order of the
    window (TensorFlow's MaxPoolGrad; tied cells get nothing), windows that share a cell add
    up. Average: each window's cotangent divided among its cells inside the input."""
    rank = x.ndim - 2
    cl, pool_size, strides, padding, data_format = _pool_layout(x, pool_size, strides, padding, data_format,
                                                                pool_mode, rank)
    g = to_channels_last(cotangent, data_format)
    ones = (1,) * rank
    if pool_mode == "max":
        view = windows(cl, pool_size, strides, ones, padding, fill=-np.inf)
        best = to_channels_last(result, data_format)
        view_cotangent = np.zeros(view.shape)
        taken = np.zeros(best.shape, bool)
        for tap in np.ndindex(*pool_size):
            first = (view[(...,) + tap] == best) & ~taken
            view_cotangent[(...,) + tap] = np.where(first, g, 0.0)
            taken |= first
    else:
        share = g / _counts(cl, pool_size, strides, padding, np.dtype(np.float64))
        view_cotangent = np.broadcast_to(share[(...,) + (None,) * rank], share.shape + pool_size)
    return {"x": from_channels_last(windows_adjoint(view_cotangent, cl.shape, pool_size, strides, ones, padding),
                                    data_format)}


@op
def pool2d(x, pool_size, strides=(1, 1), padding="valid", data_format=None, pool_mode="max"):
    """2-D max or average pooling over ``pool_size`` windows. ``'same'``
    padding (extra cell at the end): max ignores padded cells, avg divides by
    the number of real cells in the window. ``pool_size`` or ``strides`` not of
    length 2 or not positive, a ``pool_mode`` other than 'max'/'avg', a bad
    padding or data_format: ValueError."""
    if len(pool_size) != 2:
        raise ValueError("`pool_size` must be a tuple of 2 integers.")
    if len(strides) != 2:
        raise ValueError("`strides` must be a tuple of 2 integers.")
    return _pool(x, pool_size, strides, padding, data_format, pool_mode, 2)


pool2d.gradient("x")(_pool_gradient)


@op
def pool3d(x, pool_size, strides=(1, 1, 1), padding="valid", data_format=None, pool_mode="max"):
    """3-D pooling, as pool2d."""
    return _pool(x, pool_size, strides, padding, data_format, pool_mode, 3)


pool3d.gradient("x")(_pool_gradient)


@op
def bias_add(x, bias, data_format=None):
    """``x + bias``. A 1-D bias is added along the channel axis (1 under
    channels_first, the last otherwise; for 2-D ``x`` both are the last) and
    must match its size. A bias of rank ``ndim(x) - 1`` (``x`` of rank 3 to 5)
    is added per position: channels_last ``x + bias[None]``; channels_first
    ``x + reshape(bias, (1, bias.shape[-1]) + bias.shape[:-1])``, a reshape, not
    a transpose (tf_keras'). Other bias ranks: ValueError."""
    return x + _bias_as_added(x, bias, data_format)


def _bias_as_added(x: np.ndarray, bias: np.ndarray, data_format) -> np.ndarray:
    """``bias`` reshaped to broadcast against ``x`` as ``bias_add`` adds it (its checks raise here)."""
    data_format = data_format_of(data_format)
    if bias.ndim != 1 and bias.ndim != x.ndim - 1:
        raise ValueError(f"Unexpected bias dimensions {bias.ndim}, expect to be 1 or {x.ndim - 1} dimensions")
    if bias.ndim == 1:
        if x.ndim < 2:
            raise ValueError(f"bias_add needs an input of rank 2 or more, got rank {x.ndim}")
        axis = 1 if data_format == "channels_first" else x.ndim - 1
        if x.shape[axis] != bias.shape[0]:
            raise ValueError(f"a bias of {bias.shape[0]} values for {x.shape[axis]} channels")
        return bias.reshape((-1,) + (1,) * (x.ndim - 1 - axis))
    if x.ndim not in (3, 4, 5):
        raise ValueError(f"a bias of rank {bias.ndim} needs an input of rank 3 to 5, got rank {x.ndim}")
    if data_format == "channels_first":
        return bias.reshape((1, bias.shape[-1]) + bias.shape[:-1])
    return bias[None]


@bias_add.gradient("x", "bias")
def _bias_add_gradient(cotangent, result, x, bias, data_format):
    """The cotangent for ``x``; summed over the axes the bias was broadcast along for ``bias``."""
    added = _bias_as_added(x, bias, data_format)
    return {"x": cotangent, "bias": np.reshape(unbroadcast(cotangent, added.shape), bias.shape)}


def _spatial_axes(data_format, rank: int, message: str) -> tuple[int, ...]:
    """The spatial axes under an explicit ``data_format`` (None is not a layout here)."""
    if data_format == "channels_first":
        return tuple(range(2, 2 + rank))
    if data_format == "channels_last":
        return tuple(range(1, 1 + rank))
    raise ValueError(message + str(data_format))


INTERPOLATIONS = ("area", "bicubic", "bilinear", "gaussian", "lanczos3", "lanczos5", "mitchellcubic", "nearest")


@op
def resize_images(x, height_factor, width_factor, data_format, interpolation="nearest"):
    """Upsample the rows and columns of 4-D ``x`` by integer factors.
    ``data_format`` is required ('channels_first' or 'channels_last'; anything
    else, None included: ValueError). ``'nearest'``: each cell repeated
    (``repeat_elements`` on both axes), dtype kept. ``'bilinear'``: TensorFlow's
    half-pixel-centre interpolation (source coordinate ``(i + 0.5) / factor -
    0.5``, clamped to the edges), result float32 whatever the input dtype.
    Other names tf.image.resize knows are not implemented here (NotImplementedError);
    unknown names: ValueError."""
    rows, cols = _spatial_axes(data_format, 2, "Invalid `data_format` argument: ")
    if interpolation not in INTERPOLATIONS:
        raise ValueError(f"`interpolation` argument should be one of {INTERPOLATIONS}; got {interpolation!r}")
    if interpolation == "nearest":
        return np.repeat(np.repeat(x, height_factor, axis=rows), width_factor, axis=cols)
    if interpolation != "bilinear":
        raise NotImplementedError(f"the reference resizes with 'nearest' and 'bilinear' only, not {interpolation!r}")
    return bilinear(x, (rows, cols), (height_factor, width_factor), half_pixel_centres=True)


def resize_images_gradient(half_pixel_centres: bool) -> Callable[..., dict]:
    """The gradient rule of a ``resize_images`` whose bilinear interpolation has (tf_keras) or has
    not (TF1's ``resize_bilinear``, classic Keras 2.3) half-pixel centres. Nearest: each cell's copies'
    cotangents added up. Bilinear: each stretched cell's cotangent shared by its source cells as their
    interpolation weights (columns undone, then rows)."""
    def rule(cotangent, result, x, height_factor, width_factor, data_format, interpolation="nearest"):
        rows, cols = _spatial_axes(data_format, 2, "Invalid `data_format` argument: ")
        if interpolation == "nearest":
            return {"x": repeated_gradient(repeated_gradient(cotangent, width_factor, cols), height_factor, rows)}
        columns_undone = _linear_upsample_adjoint(cotangent, cols, x.shape[cols], half_pixel_centres)
        return {"x": _linear_upsample_adjoint(columns_undone, rows, x.shape[rows], half_pixel_centres)}
    return rule


resize_images.gradient("x")(resize_images_gradient(half_pixel_centres=True))


def bilinear(x: np.ndarray, axes: tuple[int, ...], factors: tuple[int, ...], half_pixel_centres: bool) -> np.ndarray:
    """``x`` stretched by ``factors`` along ``axes`` by linear interpolation, one axis at a time,
    in float32 (TensorFlow's bilinear resize answers float32 whatever the input)."""
    result = x.astype(np.float32)
    for axis, factor in zip(axes, factors):
        result = _linear_upsample(result, axis, factor, half_pixel_centres)
    return result


def _linear_taps(size: int, factor: int, axis: int, ndim: int, half_pixel_centres: bool = True
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(lower, upper, weight)``: the two source cells of each of the ``size * factor`` cells
    of the stretched axis and the weight of the upper one (shaped to broadcast along ``axis``).
    Output cell ``i`` reads the source coordinate ``(i + 0.5) / factor - 0.5`` with half-pixel
    centres (``tf.image.resize``), ``i / factor`` without (TF1's ``resize_bilinear``), clamped."""
    scale = np.float32(size) / np.float32(size * factor)  # TensorFlow multiplies by the float32 scale
    shift = np.float32(0.5 if half_pixel_centres else 0.0)
    source = (np.arange(size * factor, dtype=np.float32) + shift) * scale - shift
    floor = np.floor(source)
    lower = np.clip(floor.astype(np.int64), 0, size - 1)
    upper = np.clip(np.ceil(source).astype(np.int64), 0, size - 1)
    shape = [1] * ndim
    shape[axis] = -1
    return lower, upper, (source - floor).reshape(shape)


def _linear_upsample(x: np.ndarray, axis: int, factor: int, half_pixel_centres: bool) -> np.ndarray:
    """``x`` stretched ``factor`` times along ``axis`` by linear interpolation (``_linear_taps``)."""
    lower, upper, weight = _linear_taps(x.shape[axis], factor, axis, x.ndim, half_pixel_centres)
    below, above = np.take(x, lower, axis=axis), np.take(x, upper, axis=axis)
    return below + (above - below) * weight


def _linear_upsample_adjoint(cotangent: np.ndarray, axis: int, size: int, half_pixel_centres: bool) -> np.ndarray:
    """The cotangent of ``_linear_upsample``'s input (``size`` cells along ``axis``): each stretched
    cell's cotangent shared by its two source cells as their weights."""
    lower, upper, weight = _linear_taps(size, cotangent.shape[axis] // size, axis, cotangent.ndim,
                                        half_pixel_centres)
    shape = list(cotangent.shape)
    shape[axis] = size
    gradient = np.zeros(shape)
    sources = np.moveaxis(gradient, axis, 0)  # a view: adding into it adds into gradient
    np.add.at(sources, lower, np.moveaxis(cotangent * (1 - weight), axis, 0))
    np.add.at(sources, upper, np.moveaxis(cotangent * weight, axis, 0))
    return gradient


@op
def resize_volumes(x, depth_factor, height_factor, width_factor, data_format):
    """Upsample the three spatial axes of 5-D ``x`` by repeating each cell
    (``repeat_elements`` on each axis). ``data_format`` is required; anything
    but the two layouts: ValueError('Invalid data_format: ...')."""
    axes = _spatial_axes(data_format, 3, "Invalid data_format: ")
    for axis, factor in zip(axes, (depth_factor, height_factor, width_factor)):
        x = np.repeat(x, factor, axis=axis)
    return x


@resize_volumes.gradient("x")
def _resize_volumes_gradient(cotangent, result, x, depth_factor, height_factor, width_factor, data_format):
    """Each cell's copies' cotangents added up."""
    for axis, factor in zip(_spatial_axes(data_format, 3, "Invalid data_format: "),
                            (depth_factor, height_factor, width_factor)):
        cotangent = repeated_gradient(cotangent, factor, axis)
    return {"x": cotangent}
