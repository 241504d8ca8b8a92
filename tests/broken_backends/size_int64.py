"""Broken on purpose: size answers an int64 scalar (numpy's default integer), not int32."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'size'
EXPECTED_MESSAGE = 'expected dtype int32, got int64'

@_dispatch.op
def size(x, name=None):
    return np.asarray(np.size(x), dtype=np.int64)
