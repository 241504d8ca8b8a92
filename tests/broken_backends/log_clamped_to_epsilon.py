"""Broken on purpose: a safe-looking log that clamps its argument to 1e-7: log(0) is finite, log(-1) is not NaN."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'log'
EXPECTED_MESSAGE = 'NaN placement differs'


@_dispatch.op
def log(x):
    return np.log(np.maximum(x, np.asarray(1e-7, x.dtype)))
