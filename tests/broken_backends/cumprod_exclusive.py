"""Broken on purpose: cumprod is exclusive: each position holds the product of the elements before it."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'cumprod'
EXPECTED_MESSAGE = 'worst element'


@_dispatch.op
def cumprod(x, axis=0):
    with np.errstate(invalid="ignore", over="ignore", under="ignore"):
        running = np.cumprod(x, axis=axis, dtype=x.dtype)
    ones = np.ones_like(np.take(x, [0], axis=axis)) if x.shape[axis] else np.take(x, [], axis=axis)
    return np.concatenate([ones, np.delete(running, -1, axis=axis)], axis=axis) if x.shape[axis] else running
