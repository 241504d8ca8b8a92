"""Broken on purpose: abs is ``sqrt(x * x)``, which overflows to inf for large magnitudes."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'abs'
EXPECTED_MESSAGE = '+inf placement differs'


@_dispatch.op
def abs(x):
    with np.errstate(over="ignore", under="ignore"):
        return np.sqrt(x * x)
