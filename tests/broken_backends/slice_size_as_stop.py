"""Broken on purpose: slice takes size for the stop index (x[start:size]) instead of an extent."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'slice'
EXPECTED_MESSAGE = 'size is an extent, -1 to the end'

@_dispatch.op
def slice(x, start, size):  # noqa: A001
    return x[tuple(np.s_[b:None if s == -1 else s] for b, s in zip(start, size))]
