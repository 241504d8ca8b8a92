"""Broken on purpose: pool2d with data_format=None assumes channels_last whatever image_data_format()
says. A run under the default layout (channels_last) sees nothing else wrong."""

import numpy as np

import reference_backend as _reference
from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'pool2d'
EXPECTED_MESSAGE = "under image_data_format() 'channels_first'"


@_dispatch.op
def pool2d(x, pool_size, strides=(1, 1), padding="valid", data_format=None, pool_mode="max"):
    return np.asarray(_reference.pool2d(x, pool_size, strides, padding, data_format or "channels_last", pool_mode))
