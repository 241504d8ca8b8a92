"""Broken on purpose: repeat_elements tiles the whole tensor along the axis ([a, b] -> [a, b, a, b])."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'repeat_elements'
EXPECTED_MESSAGE = 'not the whole tensor tiled'

@_dispatch.op
def repeat_elements(x, rep, axis):
    reps = [1] * x.ndim
    reps[axis] = rep
    return np.tile(x, reps)
