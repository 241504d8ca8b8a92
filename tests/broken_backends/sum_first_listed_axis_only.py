"""Broken on purpose: sum over a list of axes reduces only the first axis listed."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'sum'
EXPECTED_MESSAGE = 'expected shape'


@_dispatch.op
def sum(x, axis=None, keepdims=False):
    if isinstance(axis, (list, tuple)):
        axis = axis[0]
    with np.errstate(invalid="ignore", over="ignore"):
        return np.sum(x, axis=axis, keepdims=keepdims, dtype=x.dtype)
