"""Sliding windows over the spatial axes of images: the machinery shared by
convolutions (``conv``) and pooling (``pooling``). No entries.

Layout conventions (tf_keras'): the input is ``(batch, *spatial, channels)``
under ``channels_last`` and ``(batch, channels, *spatial)`` under
``channels_first``; the computations here always work channels-last.
Padding ``'same'`` gives ``ceil(size / stride)`` outputs and puts the odd
padded cell at the END (TensorFlow's rule; scipy and some frameworks put it
at the start); ``'valid'`` pads nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from . import config

__all__: list[str] = []

DATA_FORMATS = ("channels_last", "channels_first")


def data_format_of(data_format: str | None) -> str:
    """``data_format``, or ``image_data_format()`` when None; anything else than
    the two layouts (exactly spelled) is ``ValueError('Unknown data_format: ...')``."""
    if data_format is None:
        return config.image_data_format()
    if data_format not in DATA_FORMATS:
        raise ValueError("Unknown data_format: " + str(data_format))
    return data_format


def to_channels_last(x: np.ndarray, data_format: str) -> np.ndarray:
    """A view of ``x`` (laid out as ``data_format``) with the channels last."""
    return np.moveaxis(x, 1, -1) if data_format == "channels_first" else x


def from_channels_last(y: np.ndarray, data_format: str) -> np.ndarray:
    """``y`` (channels last) laid out as ``data_format``, contiguous."""
    return np.ascontiguousarray(np.moveaxis(y, -1, 1) if data_format == "channels_first" else y)


def int_tuple(value: int | Sequence[int], rank: int, what: str) -> tuple[int, ...]:
    """An int (the same for every spatial axis) or a sequence of ``rank`` ints."""
    flat = np.atleast_1d(np.asarray(value))
    values = (int(flat[0]),) * rank if np.ndim(value) == 0 else tuple(int(v) for v in flat)
    if len(values) != rank:
        raise ValueError(f"`{what}` must be {rank} integers, got {value!r}")
    return values


def check_padding(padding: Any, allowed: tuple[str, ...] = ("valid", "same")) -> str:
    """``padding`` if allowed, else ``ValueError('Invalid padding: ...')``."""
    if padding not in allowed:
        raise ValueError("Invalid padding: " + str(padding))
    return padding


def refuse_strided_dilation(strides: Sequence[int], dilations: Sequence[int]) -> None:
    """ValueError for strides > 1 together with dilation > 1: TensorFlow's
    convolutions refuse the combination (its depthwise ones require strides 1
    when dilated, without checking)."""
    if max(strides) > 1 and max(dilations) > 1:
        raise ValueError(f"strides {tuple(strides)} > 1 together with dilation_rate {tuple(dilations)} > 1 "
                         "are not supported")


def padded_extent(size: int, kernel: int, stride: int, dilation: int, padding: str) -> tuple[int, int, int]:
    """``(pad_before, pad_after, outputs)`` of one spatial axis of ``size`` cells."""
    span = dilation * (kernel - 1) + 1
    if padding == "valid":
        outputs, total = (size - span) // stride + 1, 0
    else:
        outputs = -(-size // stride)
        total = max((outputs - 1) * stride + span - size, 0)
    if outputs <= 0:
        raise ValueError(f"a window of {span} cells does not fit in a dimension of {size} cells "
                         f"with padding {padding!r}")
    return total // 2, total - total // 2, outputs


def windows(x: np.ndarray, kernel: Sequence[int], strides: Sequence[int], dilations: Sequence[int],
            padding: str, fill: float = 0.0) -> np.ndarray:
    """Every window of channels-last ``x``: an array ``(batch, *outputs,
    channels, *kernel)`` where ``[b, *o, c, *j]`` is the input cell
    ``o * stride + j * dilation - pad_before`` of channel ``c`` (``fill`` in the
    padding). A strided view of the padded input, no copy beyond the padding."""
    rank = len(kernel)
    extents = [padded_extent(size, k, s, d, padding)
               for size, k, s, d in zip(x.shape[1:1 + rank], kernel, strides, dilations)]
    if any(before or after for before, after, _ in extents):
        widths = [(0, 0)] + [(before, after) for before, after, _ in extents] + [(0, 0)]
        x = np.pad(x, widths, constant_values=np.asarray(fill, x.dtype))
    spans = [d * (k - 1) + 1 for k, d in zip(kernel, dilations)]
    view = sliding_window_view(x, spans, axis=tuple(range(1, 1 + rank)))
    picks = ((slice(None),) + tuple(slice(0, (o - 1) * s + 1, s) for (_, _, o), s in zip(extents, strides))
             + (slice(None),) + tuple(slice(None, None, d) for d in dilations))
    return view[picks]


def windows_adjoint(view_cotangent: np.ndarray, shape: Sequence[int], kernel: Sequence[int],
                    strides: Sequence[int], dilations: Sequence[int], padding: str) -> np.ndarray:
    """The cotangent of a channels-last input of ``shape`` whose ``windows`` view (same
    kernel, strides, dilations, padding) has the cotangent ``view_cotangent``: each window
    cell's cotangent added back to the input cell it read, one strided slice per tap; the
    padding's cotangents dropped. (The reverse pass of every windowed op.)"""
    rank = len(kernel)
    sizes = tuple(shape[1:1 + rank])
    extents = [padded_extent(size, k, s, d, padding) for size, k, s, d in zip(sizes, kernel, strides, dilations)]
    padded = np.zeros((shape[0],) + tuple(size + before + after for size, (before, after, _) in zip(sizes, extents))
                      + (shape[-1],), view_cotangent.dtype)
    for tap in np.ndindex(*kernel):
        cells = tuple(slice(j * d, j * d + (o - 1) * s + 1, s) for j, (_, _, o), s, d in zip(tap, extents, strides,
                                                                                              dilations))
        padded[(slice(None),) + cells] += view_cotangent[(...,) + tap]
    return padded[(slice(None),) + tuple(slice(before, before + size) for (before, _, _), size in zip(extents, sizes))]


def reduce_taps(view: np.ndarray, ufunc: np.ufunc, rank: int) -> np.ndarray:
    """``ufunc`` reduced over the last ``rank`` axes (the kernel taps) of a
    ``windows`` view: ``(batch, *outputs, channels)``. One vectorised ``ufunc``
    call per tap: numpy's own reduction over the view's strided tap axes was
    2.5x (max) to 5x (sum) slower."""
    taps = np.ndindex(*view.shape[-rank:])
    result = np.array(view[(...,) + next(taps)])
    for tap in taps:
        ufunc(result, view[(...,) + tap], out=result)
    return result


def compute_dtype(*arrays: np.ndarray) -> np.dtype:
    """The dtype sums of products are accumulated in: float32 at least (half
    precision inputs are accumulated in float32, as TensorFlow's CPU kernels do)."""
    return np.result_type(*[a.dtype for a in arrays], np.float32)
