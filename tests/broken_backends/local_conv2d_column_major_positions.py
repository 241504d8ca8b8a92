"""Broken on purpose: local_conv2d pairs kernel rows with output positions column-major
(position (r, c) uses kernel[c * rows + r] instead of kernel[r * cols + c])."""

import numpy as np

import reference_backend as _reference
from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'local_conv2d'
EXPECTED_MESSAGE = "local_conv2d("


@_dispatch.op
def local_conv2d(inputs, kernel, kernel_size, strides, output_shape, data_format=None):
    rows, cols = output_shape
    reordered = kernel.reshape((cols, rows) + kernel.shape[1:]).swapaxes(0, 1).reshape(kernel.shape)
    return np.asarray(_reference.local_conv2d(inputs, reordered, kernel_size, strides, output_shape, data_format))
