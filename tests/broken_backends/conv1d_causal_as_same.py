"""Broken on purpose: conv1d's 'causal' padding pads both sides as 'same' does, so outputs see future steps."""

import numpy as np

import reference_backend as _reference
from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'conv1d'
EXPECTED_MESSAGE = "padding='causal'"


@_dispatch.op
def conv1d(x, kernel, strides=1, padding="valid", data_format=None, dilation_rate=1):
    padding = "same" if padding == "causal" else padding
    return np.asarray(_reference.conv1d(x, kernel, strides, padding, data_format, dilation_rate))
