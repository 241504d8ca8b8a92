"""Broken on purpose: cast turns True into -1."""

import numpy as _np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'cast'
EXPECTED_MESSAGE = "cast(bool x, 'int32')"


@_dispatch.op
def cast(x, dtype):
    x = _np.asarray(x)
    return (-x.astype(dtype)) if x.dtype == bool else x.astype(dtype)
