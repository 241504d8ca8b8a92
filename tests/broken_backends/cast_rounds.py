"""Broken on purpose: cast to integers rounds to nearest instead of truncating toward zero."""

import numpy as _np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'cast'
EXPECTED_MESSAGE = "cast(x, 'int32')"


@_dispatch.op
def cast(x, dtype):
    x = _np.asarray(x)
    return (_np.round(x) if _np.dtype(dtype).kind in 'iu' and x.dtype.kind == 'f' else x).astype(dtype)
