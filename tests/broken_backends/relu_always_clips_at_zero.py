"""Broken on purpose: relu clips at 0 even with a negative threshold and no max_value."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'relu'
EXPECTED_MESSAGE = 'negative threshold without max_value'

@_dispatch.op
def relu(x, alpha=0.0, max_value=None, threshold=0.0):
    f = np.maximum(x * (x > threshold).astype(x.dtype), 0).astype(x.dtype)
    if max_value is not None:
        f = np.clip(f, 0, max_value).astype(x.dtype)
    return (f - alpha * np.maximum(threshold - x, 0)).astype(x.dtype)
