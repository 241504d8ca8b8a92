"""Broken on purpose: to_dense casts its input to floatx, so integer tensors come back as floats."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'to_dense'
EXPECTED_MESSAGE = 'expected dtype int32, got float32'

@_dispatch.op
def to_dense(tensor):
    return np.asarray(tensor, dtype=floatx())
