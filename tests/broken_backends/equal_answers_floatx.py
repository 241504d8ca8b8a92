"""Broken on purpose: equal answers 0/1 in floatx instead of bool."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'equal'
EXPECTED_MESSAGE = 'expected dtype bool'


@_dispatch.op
def equal(x, y):
    return np.equal(x, y).astype(floatx())
