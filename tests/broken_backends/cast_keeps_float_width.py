"""Broken on purpose: cast between float types keeps the input's width (float32 stays float32)."""

import numpy as _np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'cast'
EXPECTED_MESSAGE = "cast(x, 'float64') by the eager route: expected dtype float64, got float32"


@_dispatch.op
def cast(x, dtype):
    x = _np.asarray(x)
    return x if x.dtype.kind == 'f' and _np.dtype(dtype).kind == 'f' else x.astype(dtype)
