"""Broken on purpose: sign of zero is 1 (``where(x < 0, -1, 1)``); NaN stays NaN."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'sign'
EXPECTED_MESSAGE = 'worst element'


@_dispatch.op
def sign(x):
    return np.where(np.isnan(x), x, np.where(x < 0, -1.0, 1.0)).astype(x.dtype)
