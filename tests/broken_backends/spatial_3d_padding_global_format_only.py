"""Broken on purpose: spatial_3d_padding follows image_data_format() and ignores an explicit data_format."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'spatial_3d_padding'
EXPECTED_MESSAGE = 'channels_first pads axes 2 to 4'

def spatial_3d_padding(x, padding=((1, 1), (1, 1), (1, 1)), data_format=None):
    widths = tuple(tuple(pair) for pair in padding)
    if image_data_format() == "channels_first":
        return _pad(x, ((0, 0), (0, 0)) + widths)
    return _pad(x, ((0, 0),) + widths + ((0, 0),))


@_dispatch.op
def _pad(x, widths):
    return np.pad(x, widths)
