"""Broken on purpose: resize_volumes tiles the volume (np.tile) instead of repeating each cell."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'resize_volumes'
EXPECTED_MESSAGE = "resize_volumes("


@_dispatch.op
def resize_volumes(x, depth_factor, height_factor, width_factor, data_format):
    if data_format not in ("channels_first", "channels_last"):
        raise ValueError("Invalid data_format: " + str(data_format))
    factors = (depth_factor, height_factor, width_factor)
    reps = (1, 1) + factors if data_format == "channels_first" else (1,) + factors + (1,)
    return np.tile(x, reps)
