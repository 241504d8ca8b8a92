"""Broken on purpose: sigmoid is computed in float16 and cast back: 3 significant digits."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'sigmoid'
EXPECTED_MESSAGE = 'sigmoid('

@_dispatch.op
def sigmoid(x):
    h = x.astype("float16")
    with np.errstate(over="ignore"):
        return (1 / (1 + np.exp(-h))).astype(x.dtype)
