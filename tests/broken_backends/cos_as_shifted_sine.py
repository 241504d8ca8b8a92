"""Broken on purpose: cos is ``sin(x + pi / 2)``; the rounded sum is inaccurate for large arguments."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'cos'
EXPECTED_MESSAGE = 'worst element'


@_dispatch.op
def cos(x):
    with np.errstate(invalid="ignore"):
        return np.sin(x + np.asarray(np.pi / 2, x.dtype))
