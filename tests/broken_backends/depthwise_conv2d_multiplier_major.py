"""Broken on purpose: depthwise_conv2d orders its output channels m * in + c instead of c * mult + m."""

import numpy as np

import reference_backend as _reference
from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'depthwise_conv2d'
EXPECTED_MESSAGE = "output channel c * multiplier + m"


@_dispatch.op
def depthwise_conv2d(x, depthwise_kernel, strides=(1, 1), padding="valid", data_format=None,
                     dilation_rate=(1, 1)):
    channels_first = (data_format or _reference.image_data_format()) == "channels_first"
    result = np.asarray(_reference.depthwise_conv2d(x, depthwise_kernel, strides, padding, data_format,
                                                    dilation_rate))
    channels, multiplier = depthwise_kernel.shape[2:]
    result = np.moveaxis(result, 1, -1) if channels_first else result
    result = result.reshape(result.shape[:-1] + (channels, multiplier)).swapaxes(-1, -2).reshape(result.shape)
    return np.moveaxis(result, -1, 1) if channels_first else result
