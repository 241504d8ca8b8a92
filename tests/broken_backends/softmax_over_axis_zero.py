"""Broken on purpose: softmax normalises over axis 0 whatever axis says."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'softmax'
EXPECTED_MESSAGE = 'softmax('

@_dispatch.op
def softmax(x, axis=-1):
    if x.ndim <= 1:
        raise ValueError("rank")
    e = np.exp(x.astype("float64") - np.max(x, axis=0, keepdims=True, initial=-np.inf))
    return (e / e.sum(axis=0, keepdims=True)).astype(x.dtype)
