"""Broken on purpose: any counts only positive values as True (``any(x > 0)``)."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend.reductions import _axes

BROKEN_ENTRY = 'any'
EXPECTED_MESSAGE = 'elements differ'


@_dispatch.op
def any(x, axis=None, keepdims=False):
    return np.any(x > 0, axis=_axes(axis), keepdims=keepdims)
