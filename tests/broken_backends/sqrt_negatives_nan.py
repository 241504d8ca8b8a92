"""Broken on purpose: sqrt of a negative number is NaN (numpy's answer), not 0."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'sqrt'
EXPECTED_MESSAGE = 'NaN placement differs'


@_dispatch.op
def sqrt(x):
    with np.errstate(invalid="ignore"):
        return np.sqrt(x)
