"""Broken on purpose: relu keeps x where x >= threshold (classic Keras 2.3's numpy reference), not only x >
threshold."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'relu'
EXPECTED_MESSAGE = 'x == threshold gives 0'

@_dispatch.op
def relu(x, alpha=0.0, max_value=None, threshold=0.0):
    f = x * (x >= threshold).astype(x.dtype) if threshold != 0 else np.maximum(x, 0).astype(x.dtype)
    if max_value is not None:
        f = np.clip(f, 0, max_value).astype(x.dtype)
    return (f - alpha * np.maximum(threshold - x, 0)).astype(x.dtype)
