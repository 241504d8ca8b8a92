"""Convolution, pooling and resizing as classic Keras 2.2/2.3 answers them, and the other ways
its own backends computed them.

``reference_backend.classic`` re-exports the entries defined here (``ENTRIES``: where classic
Keras 2.3 answers otherwise than tf_keras) and adds ``conventions()`` to its ``CONVENTIONS``:
the answers Keras 2.3.1 accepted besides, mostly Theano's. Sources as in
``reference_backend.classic``: Keras 2.3.1's ``tensorflow_backend.py`` (TF231),
``theano_backend.py`` (TH231), ``numpy_backend.py`` (NP231), ``tests/keras/backend/backend_test.py``
(BT), by line.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from . import conv as _conv
from . import pooling as _pooling
from .dispatch import op
from .windows import data_format_of, int_tuple, padded_extent

Convention = tuple[str, Callable[..., Any]]
"""A way of computing an entry: what it is (as the report names it), and a function computing it."""


# -- where classic Keras 2.3 answers otherwise than tf_keras -------------------------------------

def conv1d(x: Any, kernel: Any, strides: Any = 1, padding: str = "valid", data_format: str | None = None,
           dilation_rate: Any = 1) -> Any:
    """The reference's ``conv1d``, except that ``padding='causal'`` under channels_first raises
    ``ValueError`` (TF231:3647-3651: "`data_format` must be channels_last (temporal data)"; the
    ``Conv1D`` layer refuses it too, keras/layers/convolutional.py:331-335)."""
    if padding == "causal" and data_format_of(data_format) == "channels_first":
        raise ValueError('When using causal padding in `conv1d`, `data_format` must be "channels_last" '
                         "(temporal data).")
    return _conv.conv1d(x, kernel, strides, padding, data_format, dilation_rate)


@op
def local_conv1d(inputs, kernel, kernel_size, strides, data_format=None):
    """``local_conv1d`` as TF231:4132-4168 and TH231:2913-2930 (the same code) compute it:
    ``data_format`` is validated (``ValueError`` for an unknown layout), then ignored; patch ``i``,
    ``inputs[:, i * stride : i * stride + kernel_size, :]``, is reshaped to ``(1, -1, feature_dim)``
    (``feature_dim``: the kernel's axis 1), so a kernel that does not fit the patches raises
    ``ValueError`` (or, where the sizes divide, multiplies what the reshape made of them); then one
    matrix product per output step. Its docstring gives no other layout, and ``LocallyConnected1D``
    never passes one (keras/layers/local.py:155)."""
    data_format_of(data_format)
    x, weights = np.asarray(inputs), np.asarray(kernel)
    output_length, feature_dim = weights.shape[0], weights.shape[1]
    (size,), (stride,) = int_tuple(kernel_size, 1, "kernel_size"), int_tuple(strides, 1, "strides")
    return np.transpose(np.matmul(_local_patches(x, output_length, size, stride, feature_dim), weights), (1, 0, 2))


def _local_patches(x: np.ndarray, output_length: int, size: int, stride: int, feature_dim: int) -> np.ndarray:
    """``(output_length, -1, feature_dim)``: patch ``i``, ``x[:, i * stride : i * stride + size, :]``,
    reshaped to ``(-1, feature_dim)``, as TF231/TH231 reshape it."""
    return np.stack([x[:, i * stride:i * stride + size, :].reshape(-1, feature_dim) for i in range(output_length)])


@local_conv1d.gradient("inputs", "kernel")
def _local_conv1d_gradient(cotangent, result, inputs, kernel, kernel_size, strides, data_format=None):
    """A product per output step: ``kernel[i]``'s gradient is patch ``i`` contracted with step ``i``'s
    cotangent; the patch's cotangent goes back, through the reshape, to the cells patch ``i`` read."""
    x, weights = np.asarray(inputs, np.float64), np.asarray(kernel, np.float64)
    output_length, feature_dim = weights.shape[0], weights.shape[1]
    (size,), (stride,) = int_tuple(kernel_size, 1, "kernel_size"), int_tuple(strides, 1, "strides")
    patches = _local_patches(x, output_length, size, stride, feature_dim)
    g = np.transpose(np.asarray(cotangent, np.float64), (1, 0, 2))
    patches_cotangent = np.matmul(g, np.transpose(weights, (0, 2, 1)))
    x_cotangent = np.zeros(x.shape)
    for i in range(output_length):
        window = x_cotangent[:, i * stride:i * stride + size, :]
        window += patches_cotangent[i].reshape(window.shape)
    return {"inputs": x_cotangent, "kernel": np.matmul(np.transpose(patches, (0, 2, 1)), g)}


@op
def resize_images(x, height_factor, width_factor, data_format, interpolation="nearest"):
    """The reference's ``resize_images``, except ``'bilinear'``: TF1's ``resize_bilinear``
    (TF231:2492 ``tf_image_ops.resize_bilinear``: no half-pixel centres, output cell ``i`` reads the
    source coordinate ``i / factor``, clamped at the end), float32; BT:1531-1546 holds Theano to the
    same values at factors (2, 2). Interpolations other than 'nearest' and 'bilinear': ``ValueError``
    (TF231:2493-2495)."""
    rows, cols = _pooling._spatial_axes(data_format, 2, "Invalid `data_format` argument: ")
    if interpolation == "bilinear":
        return _pooling.bilinear(x, (rows, cols), (height_factor, width_factor), half_pixel_centres=False)
    if interpolation != "nearest":
        raise ValueError('interpolation should be one of "nearest" or "bilinear".')
    return np.asarray(_conv.resize_images(x, height_factor, width_factor, data_format))


resize_images.gradient("x")(_pooling.resize_images_gradient(half_pixel_centres=False))


ENTRIES: dict[str, Callable[..., Any]] = {f.__name__: f for f in (conv1d, local_conv1d, resize_images)}


def _classic(entry: str) -> Callable[..., Any]:
    """Entry ``entry`` as classic Keras 2.3 computes it: this module's, else the reference's."""
    return ENTRIES.get(entry) or getattr(_conv, entry)


# -- the other ways of Keras 2.3.1's backends -------------------------------------------------------

def _convolution(entry: str, *, flipped: bool = False, same_at_start: bool = False, full: bool = False,
                 strided_dilation: bool = False, causal_pads_channels: bool = False) -> Callable[..., np.ndarray]:
    """Convolution entry ``entry`` the way Theano (or NP231) computes it, on the classic entry:

    * ``flipped``: the kernel's spatial axes reversed, a true convolution (TH231:1987-1993 hands the
      kernel to ``T.nnet.conv2d``, which flips it; BT:152-154 feeds Theano ``convert_kernel`` kernels);
    * ``same_at_start``: 'same' pads the odd cell at the start (TH231:2108-2115 crops Theano's 'half'
      mode so; NP231's scipy 'same'), as explicit padding before a 'valid' call;
    * ``full``: ``padding='full'`` accepted (TH231:2017-2026; Keras 2.3.1 allows it on Theano,
      keras/utils/conv_utils.py:51-59): ``span - 1`` zeros on both sides of each spatial axis; for a
      transposed convolution, the adjoint of that ('valid' into the padded shape, then cropped);
    * ``strided_dilation``: strides > 1 with dilation > 1 computed (Theano subsamples its dilated
      convolution; TF231 refuses only through TensorFlow's op): the stride-1 result, every
      ``stride``-th output kept. Only for 'valid' and 'causal', where that is the strided result
      under every rule (a strided 'same' window is Theano's own, see conv2d's known difference);
    * ``causal_pads_channels``: causal padding adds its ``dilation * (k - 1)`` zeros to axis 1
      (TH231:2152-2159 ``temporal_padding``), the channels under channels_first: a one-step kernel
      computes, a longer one meets more channels than it has (``ValueError``).
    """
    base = _classic(entry)
    signature = inspect.signature(base)
    transposed = entry.endswith("_transpose")

    def compute(*args: Any, **kwargs: Any) -> np.ndarray:
        options = signature.bind(*args, **kwargs)
        options.apply_defaults()
        given = options.arguments
        x, kernel_name = np.asarray(given["x"]), list(given)[1]  # kernel or depthwise_kernel
        kernel = np.asarray(given[kernel_name])
        rank = x.ndim - 2
        if flipped:
            given[kernel_name] = kernel = kernel[(slice(None, None, -1),) * rank]
        layout = data_format_of(given["data_format"])
        padding = given["padding"]
        if transposed and full and padding == "full":
            return _full_transposed(base, given, kernel.shape[:rank], layout)
        if not transposed and (padding == "same" and same_at_start or padding == "full" and full):
            given["x"] = _pad_spatial(x, kernel.shape[:rank], given, layout, padding)
            given["padding"] = "valid"
        if causal_pads_channels and padding == "causal" and layout == "channels_first":
            steps = int_tuple(given["dilation_rate"], 1, "dilation_rate")[0] * (kernel.shape[0] - 1)
            given["x"] = np.pad(x, [(0, 0), (steps, 0), (0, 0)])
            given["padding"] = "valid"
        if strided_dilation and given["padding"] in ("valid", "causal"):
            return _subsampled(base, given, rank, layout)
        return np.asarray(base(**given))
    return compute


def _pad_spatial(x: np.ndarray, kernel: Sequence[int], options: dict[str, Any], layout: str,
                 padding: str) -> np.ndarray:
    """``x`` padded for a 'valid' call to answer ``padding``: 'full' ``span - 1`` zeros on both
    sides; 'same' the reference's amount with the odd cell at the start."""
    rank = len(kernel)
    strides = int_tuple(options["strides"], rank, "strides")
    dilations = int_tuple(options["dilation_rate"], rank, "dilation_rate")
    first = 2 if layout == "channels_first" else 1
    widths = [(0, 0)] * x.ndim
    for axis, (k, s, d) in enumerate(zip(kernel, strides, dilations)):
        span = d * (k - 1) + 1
        if padding == "full":
            widths[first + axis] = (span - 1, span - 1)
        else:
            before, after, _ = padded_extent(x.shape[first + axis], k, s, d, "same")
            widths[first + axis] = (after, before)  # the odd cell first
    return np.pad(x, widths)


def _full_transposed(base: Callable[..., Any], options: dict[str, Any], kernel: Sequence[int],
                     layout: str) -> np.ndarray:
    """A transposed convolution with ``padding='full'``: the adjoint of the 'full' convolution,
    i.e. the 'valid' transposed convolution into ``output_shape`` grown by ``span - 1`` cells on
    both sides of each spatial axis, cropped back."""
    rank = len(kernel)
    dilations = int_tuple(options.get("dilation_rate", 1), rank, "dilation_rate")
    margins = [d * (k - 1) for k, d in zip(kernel, dilations)]
    shape = list(options["output_shape"])
    first = 2 if layout == "channels_first" else 1
    for axis, margin in enumerate(margins):
        shape[first + axis] += 2 * margin
    grown = np.asarray(base(**{**options, "output_shape": tuple(shape), "padding": "valid"}))
    crop = [slice(None)] * grown.ndim
    for axis, margin in enumerate(margins):
        crop[first + axis] = slice(margin, grown.shape[first + axis] - margin)
    return grown[tuple(crop)]


def _subsampled(base: Callable[..., Any], options: dict[str, Any], rank: int, layout: str) -> np.ndarray:
    """``base`` at stride 1, then every ``stride``-th output of each spatial axis."""
    strides = int_tuple(options["strides"], rank, "strides")
    whole = np.asarray(base(**{**options, "strides": (1,) * rank}))
    first = 2 if layout == "channels_first" else 1
    picks = [slice(None)] * whole.ndim
    for axis, stride in enumerate(strides):
        picks[first + axis] = slice(None, None, stride)
    return whole[tuple(picks)]


def _pooling_from_the_window_centre(entry: str) -> Callable[..., np.ndarray]:
    """'same' pooling as NP231:129-131 and Theano (TH231:2560-2591, for pool sizes up to 3) compute
    it: window ``i`` starts ``pool_size // 2`` cells before cell ``i * stride``, ``ceil(size / stride)``
    windows (NP231's extra window at the end, for even sizes, dropped as Theano crops it), cells
    outside the input never count (max over the input's cells; average of them only)."""
    base = _classic(entry)
    signature = inspect.signature(base)

    def compute(*args: Any, **kwargs: Any) -> np.ndarray:
        options = signature.bind(*args, **kwargs)
        options.apply_defaults()
        given = options.arguments
        if given["padding"] != "same" or given["pool_mode"] not in ("max", "avg"):
            return np.asarray(base(**given))
        x = np.asarray(given["x"])
        rank = x.ndim - 2
        layout = data_format_of(given["data_format"])
        pool, strides = int_tuple(given["pool_size"], rank, "pool_size"), int_tuple(given["strides"], rank, "strides")
        first = 2 if layout == "channels_first" else 1
        sizes = x.shape[first:first + rank]
        outputs = [-(-n // s) for n, s in zip(sizes, strides)]
        widths = [(0, 0)] * x.ndim
        for axis, (n, k, s, o) in enumerate(zip(sizes, pool, strides, outputs)):
            widths[first + axis] = (k // 2, max((o - 1) * s + k - n - k // 2, 0))

        def pooled(values: np.ndarray, fill: float) -> np.ndarray:
            padded = np.pad(values, widths, constant_values=np.asarray(fill, values.dtype))
            whole = np.asarray(base(**{**given, "x": padded, "padding": "valid"}))
            return whole[(slice(None),) * first + tuple(slice(0, o) for o in outputs)]

        if given["pool_mode"] == "max":
            return pooled(x, -np.inf)
        # The mean of the window's input cells: the zero-padded window's mean over the mean of its mask.
        return (pooled(x, 0.0) / pooled(np.ones_like(x), 0.0)).astype(x.dtype)
    return compute


def conventions() -> dict[str, list[Convention]]:
    """The other ways of the convolution, pooling and resizing entries, by entry."""
    flipped = "flipped kernels (Theano's true convolution; BT feeds it convert_kernel)"
    made: dict[str, list[Convention]] = {}
    for entry in ("conv1d", "conv2d", "conv3d"):
        made[entry] = [
            (flipped, _convolution(entry, flipped=True)),
            ("'same' pads the odd cell at the start (Theano, numpy_backend)", _convolution(entry, same_at_start=True)),
            ("flipped kernels, 'same' padded at the start (Theano)",
             _convolution(entry, flipped=True, same_at_start=True)),
            ("padding='full' accepted (Theano, numpy_backend)", _convolution(entry, full=True)),
            ("flipped kernels, padding='full' accepted (Theano)", _convolution(entry, flipped=True, full=True)),
            ("strides > 1 with dilation > 1: the dilated convolution subsampled (Theano)",
             _convolution(entry, strided_dilation=True)),
            ("flipped kernels, strides > 1 with dilation > 1 subsampled (Theano)",
             _convolution(entry, flipped=True, strided_dilation=True)),
        ]
    made["conv1d"].append(("causal padding pads axis 1, the channels under channels_first: only a one-step "
                           "kernel computes (Theano)", _convolution("conv1d", causal_pads_channels=True)))
    for entry in ("conv2d_transpose", "conv3d_transpose"):
        made[entry] = [(flipped, _convolution(entry, flipped=True)),
                       ("flipped kernels, padding='full' accepted: the adjoint of the 'full' convolution (Theano)",
                        _convolution(entry, flipped=True, full=True))]
    for entry in ("depthwise_conv2d", "separable_conv1d", "separable_conv2d"):
        # Theano flips the depthwise kernel back before its convolution (TH231:2002): no flipped way here.
        made[entry] = [("'same' pads the odd cell at the start (numpy_backend; Theano for depthwise_conv2d)",
                        _convolution(entry, same_at_start=True)),
                       ("padding='full' accepted (Theano, numpy_backend)", _convolution(entry, full=True))]
    for entry in ("pool2d", "pool3d"):
        made[entry] = [("'same' windows start pool_size // 2 cells early (Theano for pool sizes up to 3, "
                        "numpy_backend)", _pooling_from_the_window_centre(entry))]
    made["resize_images"] = [("bilinear only at factors (2, 2), NotImplementedError otherwise (Theano; BT:1541-1546)",
                              _bilinear_at_two_only)]
    return made


def _bilinear_at_two_only(x: Any, height_factor: int, width_factor: int, data_format: str | None,
                          interpolation: str = "nearest") -> np.ndarray:
    """Theano's ``resize_images``: bilinear resizing only by factors (2, 2), ``NotImplementedError``
    for others (TH231:1013-1017), as BT:1541-1546 asserts; otherwise the classic entry's answer."""
    if interpolation == "bilinear" and not height_factor == width_factor == 2:
        raise NotImplementedError("Bilinear upscaling with factors other than (2, 2) is not available when using "
                                  "the Theano backend.")
    return np.asarray(resize_images(x, height_factor, width_factor, data_format, interpolation))
