"""Broken on purpose: round is ``floor(x + 0.5)``: halves round up (0.5 -> 1, 2.5 -> 3), not to even."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'round'
EXPECTED_MESSAGE = 'halves round to the even neighbour'


@_dispatch.op
def round(x):
    return np.floor(x + np.asarray(0.5, x.dtype))
