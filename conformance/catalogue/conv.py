"""Convolution, pooling, bias and resizing.

Inputs are small (batch <= 2, spatial sides <= 6, channels <= 3) and drawn
from ``small_grid`` (halves in [-2, 2]): every product and every sum over a
3x3x3 window is exact in float16 too, so backend and reference agree exactly
whatever their summation order and the default tolerance judges layouts,
padding and arithmetic, not rounding. Each call names its ``data_format``
explicitly, both layouts drawn; ``data_format=None`` following
``image_data_format()`` is checked in ``conformance.suite.test_conv`` from the
same draws (each record ``reads`` the layout; its ``calls`` with one layout). Window sizes, strides, dilations and
paddings are drawn per spatial axis; 'valid' windows always fit (tf_keras
answers garbage or crashes when they do not). Strides > 1 together with
dilation > 1 is never drawn (TensorFlow refuses it in conv1d/2d/3d, pinned as
an error there, where Theano's subsampled answer is a classic convention, and
answers garbage in depthwise convolutions).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import numpy as np
from hypothesis import strategies as st

from ..calls import Call, Weights, call
from ..families import Answer
from .records import Entry, Example

CATEGORY = 'conv and pooling'

Side = TypeVar("Side", int, "int | None")  # a known size, or one a placeholder leaves open

LAYOUTS = ("channels_last", "channels_first")
BATCH = st.integers(1, 2)
CHANNELS = st.integers(1, 3)
MAX_SIDE = 6


def _values(floatx: str, shape: tuple[int, ...]) -> st.SearchStrategy[np.ndarray]:
    """Halves in [-2, 2] (``small_grid``'s values). Arrays here reach a thousand
    elements; drawing each through hypothesis would cost seconds per check,
    so one drawn seed fills the array (shapes still shrink; values do not)."""
    def fill(seed: int) -> np.ndarray:
        return (np.random.default_rng(seed).integers(-4, 5, size=shape) / 2).astype(floatx)
    return st.integers(0, 2 ** 32 - 1).map(fill)


def _weights(floatx: str, shape: tuple[int, ...]) -> st.SearchStrategy[np.ndarray]:
    """Kernels and biases: static shapes on the graph route too (see ``Weights``)."""
    return _values(floatx, shape).map(lambda w: w.view(Weights))


def _layout(shape_channels_last: tuple[Side, ...], data_format: str) -> tuple[Side, ...]:
    """A ``(batch, *spatial, channels)`` shape laid out as ``data_format``."""
    if data_format == "channels_first":
        return shape_channels_last[:1] + shape_channels_last[-1:] + shape_channels_last[1:-1]
    return shape_channels_last


def _outputs(size: int, kernel: int, stride: int, dilation: int, padding: str) -> int:
    """Outputs of one axis: 'valid' ``floor((size - span) / stride) + 1``, else ``ceil(size / stride)``."""
    span = dilation * (kernel - 1) + 1
    return (size - span) // stride + 1 if padding == "valid" else -(-size // stride)


@st.composite
def _windows(draw: st.DrawFn, rank: int, padding: str, dilate: bool = True,
             max_kernel: int = 3) -> tuple[tuple[int, ...], ...]:
    """``(sizes, kernel, strides, dilations)`` per spatial axis, the window
    fitting the input under 'valid'. Never strides > 1 and dilations > 1 in
    one call (TensorFlow refuses or, in depthwise convolutions, answers
    garbage); no dilation unless ``dilate``."""
    mode = draw(st.sampled_from(["strides", "dilation"])) if dilate else "strides"
    kernel: list[int] = []
    strides: list[int] = []
    dilations: list[int] = []
    sizes: list[int] = []
    for _ in range(rank):
        k = draw(st.integers(1, max_kernel))
        s = draw(st.integers(1, 3)) if mode == "strides" else 1
        d = draw(st.integers(1, 2)) if mode == "dilation" else 1
        span = d * (k - 1) + 1
        sizes.append(draw(st.integers(span if padding == "valid" else 1, max(MAX_SIDE, span))))
        kernel.append(k)
        strides.append(s)
        dilations.append(d)
    return tuple(sizes), tuple(kernel), tuple(strides), tuple(dilations)


def _one_or_tuple(values: tuple[int, ...], rank: int):
    """conv1d-style entries take ints for their single axis."""
    return values[0] if rank == 1 else values


def _conv_calls(rank: int) -> Callable:
    """conv1d/2d/3d: kernel ``(*k, in, out)``, 'valid', 'same' (and 'causal' in 1-D)."""
    @st.composite
    def draw_call(draw: st.DrawFn, floatx: str, layouts: tuple[str, ...] = LAYOUTS) -> Call:
        data_format = draw(st.sampled_from(layouts))
        padding = draw(st.sampled_from(("valid", "same", "causal") if rank == 1 else ("valid", "same")))
        sizes, kernel, strides, dilations = draw(_windows(rank, padding))
        channels, filters = draw(CHANNELS), draw(CHANNELS)
        x = draw(_values(floatx, _layout((draw(BATCH),) + sizes + (channels,), data_format)))
        w = draw(_weights(floatx, kernel + (channels, filters)))
        return call(x, w, strides=_one_or_tuple(strides, rank), padding=padding, data_format=data_format,
                    dilation_rate=_one_or_tuple(dilations, rank))
    return draw_call


def _transpose_calls(rank: int) -> Callable:
    """conv2d/3d_transpose: the result's spatial sizes drawn first, ``x``'s
    shape being what the forward convolution maps them to; kernel ``(*k, out, in)``."""
    @st.composite
    def draw_call(draw: st.DrawFn, floatx: str, layouts: tuple[str, ...] = LAYOUTS) -> Call:
        data_format = draw(st.sampled_from(layouts))
        padding = draw(st.sampled_from(("valid", "same")))
        dilate = rank == 2
        sizes, kernel, strides, dilations = draw(_windows(rank, padding, dilate=dilate))
        if dilate:  # tf_keras needs equal rates
            dilations = (dilations[0],) * rank
            sizes = tuple(max(size, dilations[0] * (k - 1) + 1) for size, k in zip(sizes, kernel))
        batch, channels, filters = draw(BATCH), draw(CHANNELS), draw(CHANNELS)
        inner = tuple(_outputs(*axis, padding) for axis in zip(sizes, kernel, strides, dilations))
        x = draw(_values(floatx, _layout((batch,) + inner + (channels,), data_format)))
        w = draw(_weights(floatx, kernel + (filters, channels)))
        output_shape = _layout((draw(st.sampled_from([batch, None])),) + sizes + (filters,), data_format)
        options = dict(strides=strides, padding=padding, data_format=data_format)
        if dilate:
            options["dilation_rate"] = dilations
        return call(x, w, output_shape, **options)
    return draw_call


def _depthwise_calls(rank: int, pointwise: bool) -> Callable:
    """depthwise_conv2d and separable_conv1d/2d: depthwise kernel ``(*k, in, mult)``,
    pointwise ``(*1, in * mult, out)``."""
    @st.composite
    def draw_call(draw: st.DrawFn, floatx: str, layouts: tuple[str, ...] = LAYOUTS) -> Call:
        data_format = draw(st.sampled_from(layouts))
        padding = draw(st.sampled_from(("valid", "same")))
        sizes, kernel, strides, dilations = draw(_windows(rank, padding))
        if rank == 2:  # tf.nn.depthwise_conv2d wants one stride for both axes
            strides = (strides[0],) * 2
        channels, multiplier = draw(CHANNELS), draw(CHANNELS)
        x = draw(_values(floatx, _layout((draw(BATCH),) + sizes + (channels,), data_format)))
        kernels = [draw(_weights(floatx, kernel + (channels, multiplier)))]
        if pointwise:
            kernels.append(draw(_weights(floatx, (1,) * rank + (channels * multiplier, draw(CHANNELS)))))
        return call(x, *kernels, strides=_one_or_tuple(strides, rank), padding=padding, data_format=data_format,
                    dilation_rate=_one_or_tuple(dilations, rank))
    return draw_call


def _local_calls(rank: int) -> Callable:
    """local_conv1d/2d: unshared kernel ``(positions, prod(k) * in, filters)``, valid windows."""
    @st.composite
    def draw_call(draw: st.DrawFn, floatx: str, layouts: tuple[str, ...] = LAYOUTS) -> Call:
        data_format = draw(st.sampled_from(layouts))
        sizes, kernel, strides, _ = draw(_windows(rank, "valid", dilate=False))
        outputs = tuple(_outputs(size, k, s, 1, "valid") for size, k, s in zip(sizes, kernel, strides))
        channels = draw(CHANNELS)
        x = draw(_values(floatx, _layout((draw(BATCH),) + sizes + (channels,), data_format)))
        w = draw(_weights(floatx, (int(np.prod(outputs)), int(np.prod(kernel)) * channels, draw(CHANNELS))))
        shape_args = (outputs,) if rank == 2 else ()
        return call(x, w, kernel, strides, *shape_args, data_format=data_format)
    return draw_call


def _pool_calls(rank: int) -> Callable:
    """pool2d/3d: max or avg, 'valid' or 'same', strides per axis."""
    @st.composite
    def draw_call(draw: st.DrawFn, floatx: str, layouts: tuple[str, ...] = LAYOUTS) -> Call:
        data_format = draw(st.sampled_from(layouts))
        padding = draw(st.sampled_from(("valid", "same")))
        sizes, pool_size, strides, _ = draw(_windows(rank, padding, dilate=False))
        x = draw(_values(floatx, _layout((draw(BATCH),) + sizes + (draw(CHANNELS),), data_format)))
        return call(x, pool_size, strides=strides, padding=padding, data_format=data_format,
                    pool_mode=draw(st.sampled_from(("max", "avg"))))
    return draw_call


@st.composite
def _bias_add_calls(draw: st.DrawFn, floatx: str, layouts: tuple[str, ...] = LAYOUTS) -> Call:
    """A 1-D bias (the channels) on ranks 2 to 5, or a bias of rank ``ndim(x) - 1``
    (given channels-last, ``(*spatial, channels)``) on ranks 3 to 5. Rank 2
    only channels_last: TensorFlow's NCHW bias add needs rank 3 (graph) yet
    accepts rank 2 eagerly."""
    data_format = draw(st.sampled_from(layouts))
    rank = draw(st.integers(2 if data_format == "channels_last" else 3, 5))
    shape_last = (draw(BATCH),) + tuple(draw(st.integers(1, 4)) for _ in range(rank - 1))
    full = rank >= 3 and draw(st.booleans())
    bias_shape = shape_last[1:] if full else shape_last[-1:]
    x = draw(_values(floatx, _layout(shape_last, data_format)))
    return call(x, draw(_weights(floatx, bias_shape)), data_format=data_format)


@st.composite
def _resize_images_calls(draw: st.DrawFn, floatx: str) -> Call:
    data_format = draw(st.sampled_from(LAYOUTS))
    shape = (draw(BATCH), draw(st.integers(1, 4)), draw(st.integers(1, 4)), draw(CHANNELS))
    x = draw(_values(floatx, _layout(shape, data_format)))
    factors = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    return call(x, *factors, data_format, interpolation=draw(st.sampled_from(("nearest", "bilinear"))))


@st.composite
def _resize_volumes_calls(draw: st.DrawFn, floatx: str) -> Call:
    data_format = draw(st.sampled_from(LAYOUTS))
    shape = (draw(BATCH),) + tuple(draw(st.integers(1, 3)) for _ in range(3)) + (draw(CHANNELS),)
    x = draw(_values(floatx, _layout(shape, data_format)))
    return call(x, *(draw(st.integers(1, 3)) for _ in range(3)), data_format)


# What the entries with a ``data_format=None`` parameter read from the configuration.
_LAYOUT = ("image_data_format",)

# Call strategies by entry, taking ``(floatx, layouts)``: the records draw both
# layouts; test_conv draws the layout it sets only, and omits it.
CALLS: dict[str, Callable] = {
    "conv1d": _conv_calls(1), "conv2d": _conv_calls(2), "conv3d": _conv_calls(3),
    "conv2d_transpose": _transpose_calls(2), "conv3d_transpose": _transpose_calls(3),
    "depthwise_conv2d": _depthwise_calls(2, pointwise=False),
    "separable_conv1d": _depthwise_calls(1, pointwise=True), "separable_conv2d": _depthwise_calls(2, pointwise=True),
    "local_conv1d": _local_calls(1), "local_conv2d": _local_calls(2),
    "pool2d": _pool_calls(2), "pool3d": _pool_calls(3), "bias_add": _bias_add_calls,
}


def _a(*rows) -> np.ndarray:
    return np.array(rows, dtype=np.float64)


def _image(values, shape) -> np.ndarray:
    return np.array(values, dtype=np.float64).reshape(shape)


def _kernel(values, shape) -> np.ndarray:
    return _image(values, shape).view(Weights)


_X3 = _image(range(1, 10), (1, 3, 3, 1))  # [[1 2 3] [4 5 6] [7 8 9]], channels_last
_K2 = _kernel([1, 0, 0, 0], (2, 2, 1, 1))  # picks the window's first cell
_BAD_FORMAT = "channels_middle"


def _errors(x: np.ndarray, *args) -> tuple[Example, ...]:
    """The documented ValueErrors every padded, laid-out entry shares."""
    return (Example(call(x, *args, padding="full", data_format="channels_last"), raises=ValueError,
                    why="unknown padding"),
            Example(call(x, *args, data_format=_BAD_FORMAT), raises=ValueError,
                    why="unknown data_format"))


ENTRIES: tuple[Entry, ...] = (
    Entry("conv1d", "x, kernel, strides=1, padding='valid', data_format=None, dilation_rate=1",
          calls=CALLS["conv1d"], reads=_LAYOUT, examples=(
              Example(call(_image([1, 2, 3], (1, 3, 1)), _kernel([1, 10], (2, 1, 1)), padding="causal",
                           data_format="channels_last"), _image([10, 21, 32], (1, 3, 1)),
                      why="causal: zeros before the first step; the kernel is not flipped"),
              Example(call(_image([1, 2, 3], (1, 1, 3)), _kernel([1, 10], (2, 1, 1)), padding="causal",
                           data_format="channels_first"), _image([10, 21, 32], (1, 1, 3)),
                      classic=Answer(raises=ValueError),
                      why="causal pads the steps, not the channels, under channels_first "
                          "(classic Keras 2.3 refuses causal padding under channels_first, TF231:3647-3651)"),
              Example(call(_image([1, 2], (1, 1, 2)), _kernel([1, 10, 100, 1000], (2, 1, 2)), padding="causal",
                           data_format="channels_first"), _image([100, 201, 1000, 2010], (1, 2, 2)),
                      classic=Answer(raises=ValueError),
                      why="causal pads the steps under channels_first, also where padding the channels would fit the "
                          "kernel (classic Keras 2.3 refuses causal padding under channels_first, TF231:3647-3651)"),
              Example(call(_image([1, 2, 3, 4, 5], (1, 5, 1)), _kernel([1, 0, 1], (3, 1, 1)), strides=2,
                           dilation_rate=2, data_format="channels_last"), raises=ValueError,
                      why="strides > 1 with dilation > 1"),
          ) + _errors(_image([1, 2, 3], (1, 3, 1)), _kernel([1], (1, 1, 1)))),
    Entry("conv2d", "x, kernel, strides=(1, 1), padding='valid', data_format=None, dilation_rate=(1, 1)",
          calls=CALLS["conv2d"], reads=_LAYOUT, examples=(
              Example(call(_X3, _K2, padding="same", data_format="channels_last"), _X3,
                      why="'same' with an even kernel pads at the end: the first cell of each window is the input"),
              Example(call(_X3, _kernel([1, 2, 3, 4], (2, 2, 1, 1)), data_format="channels_last"),
                      _image([37, 47, 67, 77], (1, 2, 2, 1)), why="cross-correlation: the kernel is not flipped"),
              Example(call(_X3, _K2, strides=(2, 2), dilation_rate=(2, 2), data_format="channels_last"),
                      raises=ValueError, why="strides > 1 with dilation > 1"),
          ) + _errors(_X3, _K2)),
    Entry("conv3d", "x, kernel, strides=(1, 1, 1), padding='valid', data_format=None, dilation_rate=(1, 1, 1)",
          calls=CALLS["conv3d"], reads=_LAYOUT, examples=(
              Example(call(_image([1.5, 0.5, 0.0], (1, 1, 1, 3, 1)), _kernel([1.5], (1, 1, 1, 1, 1)),
                           strides=(1, 1, 3), padding="same", data_format="channels_last"),
                      _image([2.25], (1, 1, 1, 1, 1)),
                      why="'same' with a stride as long as the input: one output, its window at cell 0"),
              Example(call(_image(range(1, 9), (2, 1, 2, 2, 1)), _kernel([1, 10], (1, 1, 2, 1, 1)),
                           strides=(1, 1, 3), data_format="channels_last"),
                      _image([21, 43, 65, 87], (2, 1, 2, 1, 1)),
                      why="a stride longer than the last axis: one 'valid' window along it, every row and sample "
                          "computed (tf_keras and TF231:3975-3980 stride tf.nn.convolution, Theano subsamples, "
                          "TH231:2491-2496)"),
          ) + _errors(_image(range(8), (1, 2, 2, 2, 1)), _kernel([1], (1, 1, 1, 1, 1)))),
    Entry("conv2d_transpose", "x, kernel, output_shape, strides=(1, 1), padding='valid', data_format=None, "
          "dilation_rate=(1, 1)", calls=CALLS["conv2d_transpose"], reads=_LAYOUT, examples=(
              Example(call(_image([1, 2, 3, 4], (1, 2, 2, 1)), _kernel([1, 10], (1, 2, 1, 1)), (1, 2, 4, 1),
                           strides=(1, 2), padding="same", data_format="channels_last"),
                      _image([1, 10, 2, 20, 3, 30, 4, 40], (1, 2, 4, 1)),
                      why="each input cell spreads over its window, taps in kernel order"),
              Example(call(_image([1], (1, 1, 1, 1)), _kernel([1], (1, 1, 1, 1)), (1, 3, 3, 1),
                           dilation_rate=(1, 2), data_format="channels_last"), raises=ValueError,
                      why="unequal dilation rates"),
          ) + _errors(_image([1], (1, 1, 1, 1)), _kernel([1], (1, 1, 1, 1)), (1, 1, 1, 1))),
    Entry("conv3d_transpose", "x, kernel, output_shape, strides=(1, 1, 1), padding='valid', data_format=None",
          availability="classic", calls=CALLS["conv3d_transpose"], reads=_LAYOUT,
          examples=_errors(_image([1], (1, 1, 1, 1, 1)), _kernel([1], (1, 1, 1, 1, 1)), (1, 1, 1, 1, 1))),
    Entry("separable_conv1d", "x, depthwise_kernel, pointwise_kernel, strides=1, padding='valid', "
          "data_format=None, dilation_rate=1", availability="classic", calls=CALLS["separable_conv1d"], reads=_LAYOUT,
          examples=(
              Example(call(_image([1, 2, 3, 4], (1, 2, 2)), _kernel([1, 1, 2, 3], (2, 2, 1)),
                           _kernel([1, 10], (1, 2, 1)), data_format="channels_last"),
                      _image([(1 * 1 + 3 * 2) + 10 * (2 * 1 + 4 * 3)], (1, 1, 1)),
                      why="each channel correlated with its own kernel, then mixed by the pointwise kernel"),
          ) + _errors(_image([1], (1, 1, 1)), _kernel([1], (1, 1, 1)), _kernel([1], (1, 1, 1)))),
    Entry("separable_conv2d", "x, depthwise_kernel, pointwise_kernel, strides=(1, 1), padding='valid', "
          "data_format=None, dilation_rate=(1, 1)", calls=CALLS["separable_conv2d"], reads=_LAYOUT, examples=(
              Example(call(_image([1], (1, 1, 1, 1)), _kernel([1], (1, 1, 1, 1)), _kernel([1], (1, 1, 1, 1)),
                           strides=(1,), data_format="channels_last"), raises=ValueError,
                      why="strides not of length 2"),
          ) + _errors(_image([1], (1, 1, 1, 1)), _kernel([1], (1, 1, 1, 1)),
                      _kernel([1], (1, 1, 1, 1)))),
    Entry("depthwise_conv2d", "x, depthwise_kernel, strides=(1, 1), padding='valid', data_format=None, "
          "dilation_rate=(1, 1)", calls=CALLS["depthwise_conv2d"], reads=_LAYOUT, examples=(
              Example(call(_image([1, 2], (1, 1, 1, 2)), _kernel([1, 10, 100, 1000], (1, 1, 2, 2)),
                           data_format="channels_last"), _image([1, 10, 200, 2000], (1, 1, 1, 4)),
                      why="output channel c * multiplier + m"),
          ) + _errors(_image([1], (1, 1, 1, 1)), _kernel([1], (1, 1, 1, 1)))),
    Entry("local_conv1d", "inputs, kernel, kernel_size, strides, data_format=None", calls=CALLS["local_conv1d"],
          reads=_LAYOUT, examples=(
              Example(call(_image([1, 2, 3, 4, 5, 6], (1, 3, 2)), _kernel([1, 10, 0, 0, 0, 0, 0, 1], (2, 4, 1)),
                           (2,), (1,), data_format="channels_last"), _image([21, 6], (1, 2, 1)),
                      why="channels_last patches are flattened step-major, then channel"),
              Example(call(_image([1, 3, 5, 2, 4, 6], (1, 2, 3)), _kernel([1, 10, 0, 0, 0, 0, 0, 1], (2, 4, 1)),
                           (2,), (1,), data_format="channels_first"), _image([31, 6], (1, 1, 2)),
                      classic=Answer(raises=ValueError),
                      why="channels_first patches are flattened channel-major (classic Keras 2.3 ignores "
                          "data_format: 2 steps of 3 channels, too short for 2 windows of 2, TF231:4132-4168)"),
              Example(call(_image([1], (1, 1, 1)), _kernel([1], (1, 1, 1)), (1,), (1,), data_format=_BAD_FORMAT),
                      raises=ValueError, why="unknown data_format"),
          )),
    Entry("local_conv2d", "inputs, kernel, kernel_size, strides, output_shape, data_format=None",
          calls=CALLS["local_conv2d"], reads=_LAYOUT, examples=(
              Example(call(_X3, _kernel([1, 2, 3, 4], (4, 1, 1)), (1, 1), (2, 2), (2, 2),
                           data_format="channels_last"), _image([1, 6, 21, 36], (1, 2, 2, 1)),
                      why="positions row-major, each with its own weights"),
              Example(call(_X3, _kernel([1], (1, 1, 1)), (1, 1), (1, 1), (1, 1), data_format=_BAD_FORMAT),
                      raises=ValueError, why="unknown data_format"),
          )),
    Entry("pool2d", "x, pool_size, strides=(1, 1), padding='valid', data_format=None, pool_mode='max'",
          calls=CALLS["pool2d"], reads=_LAYOUT, examples=(
              Example(call(_image([1, 2, 3, 4], (1, 2, 2, 1)), (2, 2), padding="same", data_format="channels_last",
                           pool_mode="avg"), _image([2.5, 3, 3.5, 4], (1, 2, 2, 1)),
                      why="'same' average: padded cells are not counted"),
              Example(call(-_X3, (2, 2), strides=(2, 2), padding="same", data_format="channels_last"),
                      _image([-1, -3, -7, -9], (1, 2, 2, 1)), why="'same' max: padded cells never win"),
              Example(call(_X3, (2, 2), data_format="channels_last", pool_mode="min"), raises=ValueError,
                      why="unknown pool_mode"),
              Example(call(_X3, (2, 2, 2), data_format="channels_last"), raises=ValueError,
                      why="pool_size not of length 2"),
              Example(call(_X3, (2, 2), strides=(1,), data_format="channels_last"), raises=ValueError,
                      why="strides not of length 2"),
          ) + _errors(_X3, (1, 1))),
    Entry("pool3d", "x, pool_size, strides=(1, 1, 1), padding='valid', data_format=None, pool_mode='max'",
          calls=CALLS["pool3d"], reads=_LAYOUT, examples=(
              Example(call(_image(range(8), (1, 2, 2, 2, 1)), (2, 2, 2), data_format="channels_last", pool_mode="avg"),
                      _image([3.5], (1, 1, 1, 1, 1)), why="the mean of the window"),
              Example(call(_image(range(8), (1, 2, 2, 2, 1)), (2, 2, 2), data_format="channels_last", pool_mode="min"),
                      raises=ValueError,
                      why="unknown pool_mode"),
          ) + _errors(_image(range(8), (1, 2, 2, 2, 1)), (1, 1, 1))),
    Entry("bias_add", "x, bias, data_format=None", calls=CALLS["bias_add"], reads=_LAYOUT, examples=(
        Example(call(np.zeros((1, 2, 1, 3)), _kernel(range(6), (1, 3, 2)), data_format="channels_first"),
                _image(range(6), (1, 2, 1, 3)),
                why="channels_first: a bias of rank ndim - 1 is reshaped to (1, channels, ...), not transposed"),
        Example(call(np.zeros((1, 2, 2)), _a(1, 2).view(Weights), data_format="channels_first"),
                _image([1, 1, 2, 2], (1, 2, 2)), why="channels_first: a 1-D bias goes on axis 1"),
        Example(call(np.zeros((1, 2, 3)), np.zeros((1, 1, 2, 3)).view(Weights), data_format="channels_last"),
                raises=ValueError, why="bias of rank 4 on rank 3"),
        Example(call(np.zeros((1, 2, 3)), _a(1, 2, 3).view(Weights), data_format=_BAD_FORMAT), raises=ValueError,
                why="unknown data_format"),
    )),
    Entry("resize_images", "x, height_factor, width_factor, data_format, interpolation='nearest'",
          calls=_resize_images_calls, examples=(
              Example(call(_image([1, 2], (1, 1, 2, 1)), 2, 2, "channels_last"),
                      _image([1, 1, 2, 2] * 2, (1, 2, 4, 1)), why="nearest repeats each cell"),
              Example(call(_image([0, 4], (1, 1, 2, 1)), 1, 2, "channels_last", interpolation="bilinear"),
                      _image([0, 1, 3, 4], (1, 1, 4, 1)), dtype="float32",
                      classic=Answer(_image([0, 2, 4, 4], (1, 1, 4, 1))),
                      why="bilinear with half-pixel centres, clamped at the edges; float32 (classic Keras 2.3: "
                          "TF1's resize_bilinear, no half-pixel centres, TF231:2492)"),
              Example(call(_image([1], (1, 1, 1, 1)), 2, 2, None), raises=ValueError,
                      why="data_format is required"),
              Example(call(_image([1], (1, 1, 1, 1)), 2, 2, "channels_last", interpolation="cubic"),
                      raises=ValueError, why="unknown interpolation"),
          )),
    Entry("resize_volumes", "x, depth_factor, height_factor, width_factor, data_format",
          calls=_resize_volumes_calls, examples=(
              Example(call(_image([1, 2], (1, 2, 1, 1, 1)), 2, 1, 3, "channels_first"),
                      _image([1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2], (1, 2, 2, 1, 3)),
                      why="channels_first repeats axes 2, 3 and 4"),
              Example(call(_image([1], (1, 1, 1, 1, 1)), 2, 2, 2, _BAD_FORMAT), raises=ValueError,
                      why="unknown data_format"),
          )),
)
