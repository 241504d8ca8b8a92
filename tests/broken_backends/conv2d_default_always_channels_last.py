"""Broken on purpose: conv2d with data_format=None assumes channels_last whatever image_data_format()
says. A run under the default layout (channels_last) sees nothing else wrong."""

import numpy as np

import reference_backend as _reference
from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'conv2d'
EXPECTED_MESSAGE = "under image_data_format() 'channels_first'"


@_dispatch.op
def conv2d(x, kernel, strides=(1, 1), padding="valid", data_format=None, dilation_rate=(1, 1)):
    return np.asarray(_reference.conv2d(x, kernel, strides, padding, data_format or "channels_last",
                                        dilation_rate))
