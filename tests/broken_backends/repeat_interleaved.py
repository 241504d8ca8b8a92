"""Broken on purpose: repeat lays each row's copies out element by element before reshaping,
so the shape is right and the values are interleaved."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'repeat'
EXPECTED_MESSAGE = '(batch, d) -> (batch, n, d)'

@_dispatch.op
def repeat(x, n):
    return np.repeat(x, n, axis=1).reshape(x.shape[0], n, x.shape[1])
