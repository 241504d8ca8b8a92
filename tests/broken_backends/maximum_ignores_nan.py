"""Broken on purpose: maximum ignores NaN (numpy's ``fmax``) instead of propagating it."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'maximum'
EXPECTED_MESSAGE = 'NaN placement differs'


@_dispatch.op
def maximum(x, y):
    return np.fmax(x, y)
