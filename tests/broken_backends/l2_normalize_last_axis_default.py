"""Broken on purpose: l2_normalize's default axis is the last one (classic 2.3's numpy reference), not the whole
tensor."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'l2_normalize'
EXPECTED_MESSAGE = 'l2_normalize('

@_dispatch.op
def l2_normalize(x, axis=None):
    axis = -1 if axis is None else (tuple(axis) if isinstance(axis, list) else axis)
    e = x.astype("float64")
    return (e / np.sqrt(np.maximum(np.sum(e * e, axis=axis, keepdims=True), 1e-12))).astype(x.dtype)
