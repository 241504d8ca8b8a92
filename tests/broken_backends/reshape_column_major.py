"""Broken on purpose: reshape reads and writes elements in column-major (Fortran) order."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'reshape'
EXPECTED_MESSAGE = 'row-major order; -1 takes the remaining size'

@_dispatch.op
def reshape(x, shape):
    return np.reshape(x, shape, order="F")
