"""Broken on purpose: pool2d's 'same' average divides by the whole window, padded cells included
(it averages a zero-padded input)."""

import builtins

import numpy as np

import reference_backend as _reference
from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'pool2d'
EXPECTED_MESSAGE = "padded cells are not counted"


@_dispatch.op
def pool2d(x, pool_size, strides=(1, 1), padding="valid", data_format=None, pool_mode="max"):
    if pool_mode != "avg" or padding != "same":
        return np.asarray(_reference.pool2d(x, pool_size, strides, padding, data_format, pool_mode))
    first = 2 if (data_format or _reference.image_data_format()) == "channels_first" else 1
    widths = [(0, 0)] * 4
    for axis, k, s in zip((first, first + 1), pool_size, strides):
        size = x.shape[axis]
        total = builtins.max((-(-size // s) - 1) * s + k - size, 0)
        widths[axis] = (total // 2, total - total // 2)
    return np.asarray(_reference.pool2d(np.pad(x, widths), pool_size, strides, "valid", data_format, "avg"))
