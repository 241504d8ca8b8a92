"""Broken on purpose: not_equal treats NaN as equal to NaN."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'not_equal'
EXPECTED_MESSAGE = 'NaN compares unequal to everything'


@_dispatch.op
def not_equal(x, y):
    return np.not_equal(x, y) & ~(np.isnan(x) & np.isnan(y))
