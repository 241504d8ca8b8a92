"""Broken on purpose: batch_normalization divides by sqrt(var) + epsilon (the old tf_keras docstring), not
sqrt(var + epsilon)."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'batch_normalization'
EXPECTED_MESSAGE = 'batch_normalization('

@_dispatch.op
def batch_normalization(x, mean, var, beta, gamma, axis=-1, epsilon=0.001):
    out = (x.astype("float64") - mean) / (np.sqrt(var.astype("float64")) + epsilon)
    out = out * (1 if gamma is None else gamma) + (0 if beta is None else beta)
    return out.astype(x.dtype)
