"""Broken on purpose: dot uses matmul's broadcasting rules for N-D inputs instead of numpy.dot's."""

import numpy as _np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'dot'
EXPECTED_MESSAGE = 'by the eager route: expected shape'


@_dispatch.op
def dot(x, y):
    return _np.matmul(x, y)
