"""Broken on purpose: resize_images under channels_first repeats axes 1 and 2 (the channels
and the rows), the channels_last axes."""

import numpy as np

import reference_backend as _reference
from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'resize_images'
EXPECTED_MESSAGE = "channels_first"


@_dispatch.op
def resize_images(x, height_factor, width_factor, data_format, interpolation="nearest"):
    if data_format != "channels_first":
        return np.asarray(_reference.resize_images(x, height_factor, width_factor, data_format, interpolation))
    as_last = np.asarray(_reference.resize_images(x, height_factor, width_factor, "channels_last", interpolation))
    return as_last
