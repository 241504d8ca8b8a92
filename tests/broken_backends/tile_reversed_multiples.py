"""Broken on purpose: tile applies the multiples to the axes in reverse order."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'tile'
EXPECTED_MESSAGE = 'whole copies along each axis'

@_dispatch.op
def tile(x, n):
    n = [n] if isinstance(n, int) else list(n)
    return np.tile(x, n[::-1])
