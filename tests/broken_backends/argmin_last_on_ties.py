"""Broken on purpose: argmin answers the last index among ties instead of the first."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'argmin'
EXPECTED_MESSAGE = 'ties give the first index'


@_dispatch.op
def argmin(x, axis=-1):
    return (x.shape[axis] - 1 - np.argmin(np.flip(x, axis), axis=axis)).astype(np.int64)
