"""Broken on purpose: separable_conv2d reads the depthwise outputs in multiplier-major order
(m * in + c) when mixing them with the pointwise kernel."""

import numpy as np

import reference_backend as _reference
from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'separable_conv2d'
EXPECTED_MESSAGE = "separable_conv2d("


@_dispatch.op
def separable_conv2d(x, depthwise_kernel, pointwise_kernel, strides=(1, 1), padding="valid", data_format=None,
                     dilation_rate=(1, 1)):
    channels, multiplier = depthwise_kernel.shape[2:]
    shuffled = pointwise_kernel.reshape(1, 1, multiplier, channels, -1).swapaxes(2, 3).reshape(pointwise_kernel.shape)
    return np.asarray(_reference.separable_conv2d(x, depthwise_kernel, shuffled, strides, padding, data_format,
                                                  dilation_rate))
