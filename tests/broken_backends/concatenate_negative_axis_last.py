"""Broken on purpose: concatenate takes every negative axis for the last one (right for -1 only)."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'concatenate'
EXPECTED_MESSAGE = 'axis=-2) raised ValueError'

@_dispatch.op
def concatenate(tensors, axis=-1):
    return np.concatenate(tensors, axis=tensors[0].ndim - 1 if axis < 0 else axis)
