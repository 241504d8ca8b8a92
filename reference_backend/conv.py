"""Convolutions, pooling, bias and resizing (category: conv/pool).

Every convolution is a cross-correlation (the kernel is not flipped) computed
as one tensor contraction over a strided view of the padded input (see
``windows``); a transposed one scatters a contraction back, one slice per
kernel tap (loops run over taps, never over cells or batch items). Kernel layouts do not depend on
``data_format``: ``(*kernel,
in, out)`` for convolutions, ``(*kernel, out, in)`` for transposed ones,
``(*kernel, in, multiplier)`` for depthwise kernels. ``data_format=None``
means ``image_data_format()``. Results keep the input's dtype (half precision
is accumulated in float32).

Pooling, ``bias_add`` and resizing live in ``pooling``; they are re-exported here.

Gradient rules (``backprop``): in the kernel, the windows of the input
contracted with the cotangent; in the input, the cotangent contracted with the
kernel and added back to the cells each window read (``windows_adjoint``).
A transposed convolution's gradient in its input is the convolution itself.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .dispatch import op, wide
from .pooling import bias_add, pool2d, pool3d, resize_images, resize_volumes
from .windows import (
    check_padding,
    compute_dtype,
    data_format_of,
    from_channels_last,
    int_tuple,
    padded_extent,
    refuse_strided_dilation,
    to_channels_last,
    windows,
    windows_adjoint,
)

__all__ = ["conv1d", "conv2d", "conv3d", "conv2d_transpose", "conv3d_transpose", "separable_conv1d",
           "separable_conv2d", "depthwise_conv2d", "local_conv1d", "local_conv2d",
           "pool2d", "pool3d", "bias_add", "resize_images", "resize_volumes"]


def _correlate(x: np.ndarray, kernel: np.ndarray, strides: Sequence[int], padding: str,
               dilations: Sequence[int]) -> np.ndarray:
    """Channels-last ``x`` correlated with ``kernel (*k, in, out)``: ``(batch, *outputs, out)``."""
    rank = kernel.ndim - 2
    dtype = compute_dtype(x, kernel)
    view = windows(x.astype(dtype, copy=False), kernel.shape[:rank], strides, dilations, padding)
    # view axes: batch, *outputs, in, *kernel; contract in and the kernel taps.
    taps = list(range(rank + 2, 2 * rank + 2))
    return np.tensordot(view, kernel.astype(dtype, copy=False), axes=(taps + [rank + 1], list(range(rank + 1))))


def _conv_layout(x: np.ndarray, kernel: np.ndarray, strides, padding, data_format, dilation_rate):
    """``(channels-last x, strides, padding, dilations, causal zeros)`` of the N-D convolution:
    a causal 1-D one pads ``dilation_rate * (k - 1)`` zeros before the first step, then is valid."""
    rank = kernel.ndim - 2
    strides = int_tuple(strides, rank, "strides")
    dilations = int_tuple(dilation_rate, rank, "dilation_rate")
    x = to_channels_last(x, data_format_of(data_format))
    causal = 0
    if padding == "causal" and rank == 1:
        causal = dilations[0] * (kernel.shape[0] - 1)
        x = np.pad(x, [(0, 0), (causal, 0), (0, 0)])
        padding = "valid"
    padding = check_padding(padding)
    refuse_strided_dilation(strides, dilations)
    return x, strides, padding, dilations, causal


def _conv(x: np.ndarray, kernel: np.ndarray, strides, padding, data_format, dilation_rate) -> np.ndarray:
    """The N-D convolution behind conv1d/2d/3d (rank from the kernel)."""
    cl, strides, padding, dilations, _ = _conv_layout(x, kernel, strides, padding, data_format, dilation_rate)
    return from_channels_last(_correlate(cl, kernel, strides, padding, dilations).astype(x.dtype),
                              data_format_of(data_format))


def _conv_gradient(cotangent, result, x, kernel, strides, padding, data_format, dilation_rate):
    """In ``kernel``: the input's windows contracted with the cotangent over batch and
    positions. In ``x``: the cotangent contracted with the kernel over output channels, each
    window's share added back to the cells it read (the causal zeros' dropped)."""
    cl, strides, padding, dilations, causal = _conv_layout(wide(x), kernel, strides, padding, data_format,
                                                          dilation_rate)
    rank = kernel.ndim - 2
    g = to_channels_last(cotangent, data_format_of(data_format))
    view = windows(cl, kernel.shape[:rank], strides, dilations, padding)  # batch, *outputs, in, *kernel
    outer = list(range(rank + 1))
    kernel_gradient = np.moveaxis(np.tensordot(view, g, axes=(outer, outer)), 0, rank)
    view_cotangent = np.moveaxis(np.tensordot(g, wide(kernel), axes=([-1], [-1])), -1, rank + 1)
    x_gradient = windows_adjoint(view_cotangent, cl.shape, kernel.shape[:rank], strides, dilations, padding)
    return {"x": from_channels_last(x_gradient[:, causal:], data_format_of(data_format)), "kernel": kernel_gradient}


@op
def conv1d(x, kernel, strides=1, padding="valid", data_format=None, dilation_rate=1):
    """1-D convolution of ``x`` (``(batch, steps, in)``, or ``(batch, in, steps)``
    under channels_first) with ``kernel (k, in, out)``. ``padding``: ``'valid'``,
    ``'same'`` (extra pad at the end) or ``'causal'`` (``dilation_rate * (k - 1)``
    zeros before the first step, then valid). strides > 1 with dilation > 1 is
    ValueError (TensorFlow cannot). tf_keras pads the channel axis instead of the
    steps for causal + channels_first (and then fails); this pads the steps."""
    return _conv(x, kernel, strides, padding, data_format, dilation_rate)


conv1d.gradient("x", "kernel")(_conv_gradient)


@op
def conv2d(x, kernel, strides=(1, 1), padding="valid", data_format=None, dilation_rate=(1, 1)):
    """2-D convolution with ``kernel (kh, kw, in, out)``; ``'valid'`` or ``'same'``
    padding; strides > 1 with dilation > 1 is ValueError (TensorFlow cannot)."""
    return _conv(x, kernel, strides, padding, data_format, dilation_rate)


conv2d.gradient("x", "kernel")(_conv_gradient)


@op
def conv3d(x, kernel, strides=(1, 1, 1), padding="valid", data_format=None, dilation_rate=(1, 1, 1)):
    """3-D convolution with ``kernel (kd, kh, kw, in, out)``; as conv2d otherwise."""
    return _conv(x, kernel, strides, padding, data_format, dilation_rate)


conv3d.gradient("x", "kernel")(_conv_gradient)


def _conv_transpose(x, kernel, output_shape, strides, padding, data_format, dilation_rate) -> np.ndarray:
    """The gradient of the N-D convolution with respect to its input: ``x`` is
    the convolution's output, ``output_shape`` (batch, spatial and channels in
    ``data_format``; batch may be None) its input's shape.

    The convolution reads input cell ``o * stride + j * dilation - pad_before``
    for output cell ``o`` and tap ``j``; here every cell of ``x`` times every tap
    (one contraction) is added back to that input cell, one strided slice per tap.
    Cells no window reaches stay 0. (The textbook form, zeros between the cells
    and a correlation with the flipped kernel, multiplies mostly zeros: it was 4x slower.)"""
    data_format = data_format_of(data_format)
    padding = check_padding(padding)
    rank = kernel.ndim - 2
    strides = int_tuple(strides, rank, "strides")
    dilations = int_tuple(dilation_rate, rank, "dilation_rate")
    refuse_strided_dilation(strides, dilations)
    output_shape = tuple(output_shape)
    spatial_out = output_shape[2:] if data_format == "channels_first" else output_shape[1:-1]
    channels_out = output_shape[1] if data_format == "channels_first" else output_shape[-1]
    x = to_channels_last(x, data_format)
    sizes = x.shape[1:-1]
    if channels_out != kernel.shape[-2] or len(spatial_out) != rank:
        raise ValueError(f"output_shape {output_shape} does not fit the kernel {kernel.shape}")
    for size, out, k, s, d in zip(sizes, spatial_out, kernel.shape, strides, dilations):
        if padded_extent(out, k, s, d, padding)[2] != size:
            raise ValueError(f"output_shape {output_shape}: a convolution of it would not give the input's "
                             f"shape {x.shape} with strides {strides} and padding {padding!r}")
    dtype = compute_dtype(x, kernel)
    # (batch, *sizes, *kernel, out): each cell of x times each tap.
    products = np.tensordot(x.astype(dtype, copy=False), kernel.astype(dtype, copy=False), axes=([-1], [rank + 1]))
    befores = [padded_extent(out, k, s, d, padding)[0]
               for out, k, s, d in zip(spatial_out, kernel.shape, strides, dilations)]
    # The padded input, long enough for every tap's slice and for the crop below.
    lengths = [max((n - 1) * s + d * (k - 1) + 1, before + out)
               for n, s, d, k, before, out in zip(sizes, strides, dilations, kernel.shape, befores, spatial_out)]
    padded = np.zeros((x.shape[0], *lengths, channels_out), dtype)
    for tap in np.ndindex(*kernel.shape[:rank]):
        cells = tuple(slice(j * d, j * d + (n - 1) * s + 1, s) for j, n, s, d in zip(tap, sizes, strides, dilations))
        padded[(slice(None),) + cells] += products[(slice(None),) * (rank + 1) + tap]
    result = padded[(slice(None),) + tuple(slice(before, before + out) for before, out in zip(befores, spatial_out))]
    return from_channels_last(result.astype(x.dtype), data_format)


def _conv_transpose_gradient(cotangent, result, x, kernel, output_shape, strides, padding, data_format,
                             dilation_rate=1):
    """In ``x``: the convolution of the cotangent with the same kernel (the transpose's
    transpose). In ``kernel``: the cotangent's windows contracted with ``x``."""
    rank = kernel.ndim - 2
    strides = int_tuple(strides, rank, "strides")
    dilations = int_tuple(dilation_rate, rank, "dilation_rate")
    data_format = data_format_of(data_format)
    view = windows(to_channels_last(cotangent, data_format), kernel.shape[:rank], strides, dilations, padding)
    outer = list(range(rank + 1))
    kernel_gradient = np.moveaxis(np.tensordot(view, to_channels_last(wide(x), data_format), axes=(outer, outer)),
                                  0, rank)
    return {"x": _conv(cotangent, wide(kernel), strides, padding, data_format, dilations), "kernel": kernel_gradient}


@op
def conv2d_transpose(x, kernel, output_shape, strides=(1, 1), padding="valid", data_format=None,
                     dilation_rate=(1, 1)):
    """Transposed 2-D convolution (the gradient of conv2d with respect to its
    input) with ``kernel (kh, kw, out, in)``; ``output_shape`` is the full result
    shape in ``data_format`` (batch may be None) and must be one conv2d maps to
    ``x``'s shape, else ValueError. Unequal dilation rates: ValueError (tf_keras);
    strides > 1 with dilation > 1: ValueError here (tf_keras silently drops the
    strides, as ``atrous_conv2d_transpose`` has none)."""
    rates = int_tuple(dilation_rate, 2, "dilation_rate")
    if rates[0] != rates[1]:
        raise ValueError(f"Expected the 2 dimensions of the `dilation_rate` argument to be equal; got {rates}")
    return _conv_transpose(x, kernel, output_shape, strides, padding, data_format, rates)


conv2d_transpose.gradient("x", "kernel")(_conv_transpose_gradient)


@op
def conv3d_transpose(x, kernel, output_shape, strides=(1, 1, 1), padding="valid", data_format=None):
    """Transposed 3-D convolution with ``kernel (kd, kh, kw, out, in)``, as
    conv2d_transpose (classic Keras; tf_keras keeps it unexported)."""
    return _conv_transpose(x, kernel, output_shape, strides, padding, data_format, 1)


conv3d_transpose.gradient("x", "kernel")(_conv_transpose_gradient)


def _depthwise(x: np.ndarray, kernel: np.ndarray, strides, padding, dilations) -> np.ndarray:
    """Channels-last ``x`` with each channel ``c`` correlated with ``kernel[..., c, m]``:
    ``(batch, *outputs, in * multiplier)``, output channel ``c * multiplier + m``."""
    rank = kernel.ndim - 2
    refuse_strided_dilation(strides, dilations)
    dtype = compute_dtype(x, kernel)
    view = windows(x.astype(dtype, copy=False), kernel.shape[:rank], strides, dilations, padding)
    taps = "pqr"[:rank]
    result = np.einsum(f"b...c{taps},{taps}cm->b...cm", view, kernel.astype(dtype, copy=False), optimize=True)
    return result.reshape(result.shape[:-2] + (-1,))


def _separable(x, depthwise_kernel, pointwise_kernel, strides, padding, data_format, dilation_rate,
               rank: int) -> np.ndarray:
    data_format = data_format_of(data_format)
    padding = check_padding(padding)
    strides = int_tuple(strides, rank, "strides")
    dilations = int_tuple(dilation_rate, rank, "dilation_rate")
    cl = to_channels_last(x, data_format)
    depthwise = _depthwise(cl, depthwise_kernel, strides, padding, dilations)
    if pointwise_kernel is not None:
        depthwise = np.tensordot(depthwise, _pointwise_matrix(pointwise_kernel, depthwise.dtype), axes=1)
    return from_channels_last(depthwise.astype(x.dtype), data_format)


def _pointwise_matrix(pointwise_kernel: np.ndarray, dtype: np.dtype) -> np.ndarray:
    """The 1x1 kernel ``(1, ..., in * mult, out)`` as an ``(in * mult, out)`` matrix."""
    return pointwise_kernel.reshape(pointwise_kernel.shape[-2:]).astype(dtype, copy=False)


def _separable_gradient(cotangent, result, x, depthwise_kernel, strides, padding, data_format, dilation_rate,
                        pointwise_kernel=None):
    """Through the pointwise product first (when there is one), then the depthwise one: per
    channel ``c`` and multiplier ``m``, the windows contracted with the cotangent (kernel) and
    the cotangent spread over the windows by the kernel (input)."""
    rank = depthwise_kernel.ndim - 2
    data_format = data_format_of(data_format)
    strides = int_tuple(strides, rank, "strides")
    dilations = int_tuple(dilation_rate, rank, "dilation_rate")
    cl = to_channels_last(wide(x), data_format)
    kernel = wide(depthwise_kernel)
    g = to_channels_last(cotangent, data_format)
    outer = list(range(rank + 1))
    answers = {}
    if pointwise_kernel is not None:
        depthwise = _depthwise(cl, kernel, strides, padding, dilations)
        answers["pointwise_kernel"] = np.tensordot(depthwise, g, axes=(outer, outer)).reshape(pointwise_kernel.shape)
        g = np.tensordot(g, _pointwise_matrix(wide(pointwise_kernel), np.dtype(np.float64)), axes=([-1], [-1]))
    g = g.reshape(g.shape[:-1] + kernel.shape[-2:])  # batch, *outputs, in, multiplier
    view = windows(cl, kernel.shape[:rank], strides, dilations, padding)
    taps = "pqr"[:rank]
    answers["depthwise_kernel"] = np.einsum(f"b...c{taps},b...cm->{taps}cm", view, g, optimize=True)
    view_cotangent = np.einsum(f"b...cm,{taps}cm->b...c{taps}", g, kernel, optimize=True)
    x_gradient = windows_adjoint(view_cotangent, cl.shape, kernel.shape[:rank], strides, dilations, padding)
    return {"x": from_channels_last(x_gradient, data_format), **answers}


@op
def depthwise_conv2d(x, depthwise_kernel, strides=(1, 1), padding="valid", data_format=None,
                     dilation_rate=(1, 1)):
    """Each input channel ``c`` correlated with ``depthwise_kernel[:, :, c, m]``
    (kernel ``(kh, kw, in, mult)``), giving output channel ``c * mult + m``.
    strides > 1 with dilation > 1: ValueError (``tf.nn.depthwise_conv2d``
    requires strides 1 when dilated; tf_keras does not check and answers
    wrong values)."""
    return _separable(x, depthwise_kernel, None, strides, padding, data_format, dilation_rate, 2)


depthwise_conv2d.gradient("x", "depthwise_kernel")(_separable_gradient)


@op
def separable_conv2d(x, depthwise_kernel, pointwise_kernel, strides=(1, 1), padding="valid", data_format=None,
                     dilation_rate=(1, 1)):
    """depthwise_conv2d, then a 1x1 convolution with ``pointwise_kernel (1, 1,
    in * mult, out)``. ``strides`` not of length 2: ValueError."""
    if len(strides) != 2:
        raise ValueError("`strides` must be a tuple of 2 integers.")
    return _separable(x, depthwise_kernel, pointwise_kernel, strides, padding, data_format, dilation_rate, 2)


separable_conv2d.gradient("x", "depthwise_kernel", "pointwise_kernel")(_separable_gradient)


@op
def separable_conv1d(x, depthwise_kernel, pointwise_kernel, strides=1, padding="valid", data_format=None,
                     dilation_rate=1):
    """1-D separable convolution: depthwise ``(k, in, mult)`` then pointwise
    ``(1, in * mult, out)`` (classic Keras; tf_keras keeps it unexported)."""
    return _separable(x, depthwise_kernel, pointwise_kernel, strides, padding, data_format, dilation_rate, 1)


separable_conv1d.gradient("x", "depthwise_kernel", "pointwise_kernel")(_separable_gradient)


def _local_windows(inputs: np.ndarray, kernel_size, strides, output_shape, data_format, dtype: np.dtype):
    """``(patches, layout)``: the windows of the ``output_shape`` positions as ``(batch, positions,
    features)`` rows in the kernel's feature order, and what ``_local_patches_adjoint`` needs."""
    data_format = data_format_of(data_format)
    rank = len(output_shape)
    kernel_size = int_tuple(kernel_size, rank, "kernel_size")
    strides = int_tuple(strides, rank, "strides")
    cl = to_channels_last(inputs, data_format).astype(dtype, copy=False)
    full = windows(cl, kernel_size, strides, (1,) * rank, "valid")
    view = full[(slice(None),) + tuple(slice(0, o) for o in output_shape)]
    if view.shape[1:1 + rank] != tuple(output_shape):
        raise ValueError(f"output_shape {output_shape} needs more windows than the input {inputs.shape} has")
    if data_format == "channels_last":  # patch features position-major, then channel
        view = np.moveaxis(view, rank + 1, -1)
    patches = view.reshape((view.shape[0], int(np.prod(output_shape)), -1))
    return patches, (cl.shape, full.shape, view.shape, kernel_size, strides, data_format)


def _local_patches_adjoint(patches_cotangent: np.ndarray, layout: tuple) -> np.ndarray:
    """The cotangent of ``_local_windows``' input given its patches' cotangent."""
    shape, full_shape, view_shape, kernel_size, strides, data_format = layout
    rank = len(kernel_size)
    view = patches_cotangent.reshape(view_shape)
    if data_format == "channels_last":
        view = np.moveaxis(view, -1, rank + 1)
    full = np.zeros(full_shape)
    full[(slice(None),) + tuple(slice(0, n) for n in view_shape[1:1 + rank])] = view
    return from_channels_last(windows_adjoint(full, shape, kernel_size, strides, (1,) * rank, "valid"), data_format)


def _local_conv(inputs: np.ndarray, kernel: np.ndarray, kernel_size, strides, output_shape,
                data_format) -> np.ndarray:
    dtype = compute_dtype(inputs, kernel)
    patches, _ = _local_windows(inputs, kernel_size, strides, output_shape, data_format, dtype)
    result = np.einsum("bpf,pfo->bpo", patches, kernel.astype(dtype, copy=False), optimize=True)
    result = result.reshape((result.shape[0],) + tuple(output_shape) + (-1,))
    return from_channels_last(result.astype(inputs.dtype), data_format_of(data_format))


def _local_conv_gradient(cotangent, result, inputs, kernel, kernel_size, strides, data_format,
                         output_shape=None):
    """Per position ``p``: ``kernel[p]``'s gradient is its patches contracted with the
    cotangent; the patches' cotangent (through ``kernel[p]``) goes back to the cells they read."""
    output_shape = (kernel.shape[0],) if output_shape is None else tuple(output_shape)
    patches, layout = _local_windows(inputs, kernel_size, strides, output_shape, data_format, np.dtype(np.float64))
    g = to_channels_last(cotangent, data_format_of(data_format)).reshape(patches.shape[0], patches.shape[1], -1)
    return {"kernel": np.einsum("bpf,bpo->pfo", patches, g, optimize=True),
            "inputs": _local_patches_adjoint(np.einsum("bpo,pfo->bpf", g, wide(kernel), optimize=True), layout)}


@op
def local_conv1d(inputs, kernel, kernel_size, strides, data_format=None):
    """Unshared-weights 1-D convolution, valid padding: output step ``i`` is
    the window at ``i * strides[0]`` of ``kernel_size[0]`` steps, flattened
    (channels_last: step-major then channel; channels_first: channel-major),
    times ``kernel[i]``; kernel ``(output_length, kernel_size * in, filters)``.
    Result ``(batch, output_length, filters)`` or ``(batch, filters, output_length)``."""
    return _local_conv(inputs, kernel, kernel_size, strides, (kernel.shape[0],), data_format)


local_conv1d.gradient("inputs", "kernel")(_local_conv_gradient)


@op
def local_conv2d(inputs, kernel, kernel_size, strides, output_shape, data_format=None):
    """Unshared-weights 2-D convolution, as local_conv1d over ``output_shape =
    (rows, cols)`` positions (row-major) with kernel ``(rows * cols, kh * kw * in, filters)``."""
    return _local_conv(inputs, kernel, kernel_size, strides, tuple(output_shape), data_format)


local_conv2d.gradient("inputs", "kernel")(_local_conv_gradient)
