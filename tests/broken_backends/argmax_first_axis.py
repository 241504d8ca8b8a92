"""Broken on purpose: argmax defaults to axis 0 (a numpy habit) instead of the last axis."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'argmax'
EXPECTED_MESSAGE = 'the last axis by default'


@_dispatch.op
def argmax(x, axis=0):
    return np.argmax(x, axis=axis).astype(np.int64)
