"""Broken on purpose: local_conv1d flattens every patch channel-major, also under channels_last
(where tf_keras flattens step-major)."""

import numpy as np

import reference_backend as _reference
from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'local_conv1d'
EXPECTED_MESSAGE = "step-major"


@_dispatch.op
def local_conv1d(inputs, kernel, kernel_size, strides, data_format=None):
    if (data_format or _reference.image_data_format()) == "channels_first":
        return np.asarray(_reference.local_conv1d(inputs, kernel, kernel_size, strides, data_format))
    swapped = np.ascontiguousarray(np.swapaxes(inputs, 1, 2))
    result = np.asarray(_reference.local_conv1d(swapped, kernel, kernel_size, strides, "channels_first"))
    return np.swapaxes(result, 1, 2)
