"""Broken on purpose: stack counts a negative axis from the inputs' rank instead of the result's
(axis -1 lands before the inputs' last axis)."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'stack'
EXPECTED_MESSAGE = 'axis -1 is a new last axis of the result'

@_dispatch.op
def stack(x, axis=0):
    return np.stack(x, axis=axis + x[0].ndim if axis < 0 else axis)
