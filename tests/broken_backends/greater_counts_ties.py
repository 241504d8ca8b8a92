"""Broken on purpose: greater is ``x >= y``: ties count as greater."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'greater'
EXPECTED_MESSAGE = 'elements differ'


@_dispatch.op
def greater(x, y):
    return np.greater_equal(x, y)
