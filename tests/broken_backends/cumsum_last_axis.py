"""Broken on purpose: cumsum defaults to the last axis instead of the first."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'cumsum'
EXPECTED_MESSAGE = 'the first axis by default'


@_dispatch.op
def cumsum(x, axis=-1):
    with np.errstate(invalid="ignore", over="ignore"):
        return np.cumsum(x, axis=axis, dtype=x.dtype)
