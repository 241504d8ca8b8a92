"""Broken on purpose: minimum is ``where(x < y, x, y)``: a NaN in x is replaced by y."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'minimum'
EXPECTED_MESSAGE = 'NaN placement differs'


@_dispatch.op
def minimum(x, y):
    return np.where(np.less(x, y), x, y)
