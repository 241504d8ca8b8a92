"""Broken on purpose: spatial_2d_padding always pads axes 1 and 2 (channels_last), whatever data_format says."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'spatial_2d_padding'
EXPECTED_MESSAGE = 'channels_first pads axes 2 and 3'

@_dispatch.op
def spatial_2d_padding(x, padding=((1, 1), (1, 1)), data_format=None):
    return np.pad(x, ((0, 0), tuple(padding[0]), tuple(padding[1]), (0, 0)))
