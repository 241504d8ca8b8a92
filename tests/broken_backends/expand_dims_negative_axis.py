"""Broken on purpose: expand_dims counts a negative axis from the input's rank, not the result's
(axis -1 inserts before the last axis)."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'expand_dims'
EXPECTED_MESSAGE = 'the default is a new last axis'

@_dispatch.op
def expand_dims(x, axis=-1):
    return np.expand_dims(x, axis + x.ndim if axis < 0 else axis)
