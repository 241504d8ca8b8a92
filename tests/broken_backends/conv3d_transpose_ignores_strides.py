"""Broken on purpose: conv3d_transpose spreads the input with stride 1 and crops or pads the result
to output_shape, ignoring the strides."""

import numpy as np

import reference_backend as _reference
from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'conv3d_transpose'
EXPECTED_MESSAGE = "strides="


@_dispatch.op
def conv3d_transpose(x, kernel, output_shape, strides=(1, 1, 1), padding="valid", data_format=None):
    channels_first = (data_format or _reference.image_data_format()) == "channels_first"
    spatial = x.shape[2:] if channels_first else x.shape[1:-1]
    full = [n + k - 1 if padding == "valid" else n for n, k in zip(spatial, kernel.shape)]
    batch, channels = x.shape[0], kernel.shape[3]
    shape = (batch, channels, *full) if channels_first else (batch, *full, channels)
    result = np.asarray(_reference.conv3d_transpose(x, kernel, shape, (1, 1, 1), padding, data_format))
    wanted = output_shape[2:] if channels_first else output_shape[1:-1]
    first = 2 if channels_first else 1
    for axis, size in zip(range(first, first + 3), wanted):
        result = np.take(result, np.arange(size) % result.shape[axis], axis=axis)
    return result
