"""Broken on purpose: temporal_padding puts padding[0] after the steps and padding[1] before them."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'temporal_padding'
EXPECTED_MESSAGE = '(left, right), in that order'

@_dispatch.op
def temporal_padding(x, padding=(1, 1)):
    return np.pad(x, ((0, 0), (padding[1], padding[0]), (0, 0)))
