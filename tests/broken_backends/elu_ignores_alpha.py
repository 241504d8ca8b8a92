"""Broken on purpose: elu always uses alpha = 1."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'elu'
EXPECTED_MESSAGE = 'elu('

@_dispatch.op
def elu(x, alpha=1.0):
    return np.where(x > 0, x, np.expm1(x.astype("float64"))).astype(x.dtype)
