"""Broken on purpose: batch_flatten reads each sample's elements in column-major order."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'batch_flatten'
EXPECTED_MESSAGE = '(batch, prod(rest))'

@_dispatch.op
def batch_flatten(x):
    if x.ndim == 0:
        return np.reshape(x, (1, 1))
    return np.reshape(x, (x.shape[0], int(np.prod(x.shape[1:]))), order="F")
