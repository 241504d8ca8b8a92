"""Broken on purpose: less_equal is ``not (x > y)``, which is True when either operand is NaN."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'less_equal'
EXPECTED_MESSAGE = 'elements differ'


@_dispatch.op
def less_equal(x, y):
    return np.logical_not(np.greater(x, y))
