"""Broken on purpose: squeeze returns the tensor unchanged when the axis is not of size 1, instead of raising."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'squeeze'
EXPECTED_MESSAGE = 'an axis of size 2 cannot be squeezed'

@_dispatch.op
def squeeze(x, axis):
    return np.squeeze(x, axis) if x.shape[axis] == 1 else x
