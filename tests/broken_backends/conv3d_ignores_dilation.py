"""Broken on purpose: conv3d ignores dilation_rate (a dense window instead of a dilated one)."""

import numpy as np

import reference_backend as _reference
from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'conv3d'
EXPECTED_MESSAGE = "dilation_rate="


@_dispatch.op
def conv3d(x, kernel, strides=(1, 1, 1), padding="valid", data_format=None, dilation_rate=(1, 1, 1)):
    return np.asarray(_reference.conv3d(x, kernel, strides, padding, data_format))
