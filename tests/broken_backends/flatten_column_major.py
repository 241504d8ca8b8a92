"""Broken on purpose: flatten reads elements in column-major (Fortran) order."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'flatten'
EXPECTED_MESSAGE = '(row-major order)'

@_dispatch.op
def flatten(x):
    return np.reshape(x, -1, order="F")
