"""Broken on purpose: less broadcasts y to x's shape only, so operands whose broadcast shape is larger than x's fail."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'less'
EXPECTED_MESSAGE = 'broadcast'


@_dispatch.op
def less(x, y):
    return np.less(x, np.broadcast_to(y, np.shape(x)))
