"""Broken on purpose: shape gives the dimensions as floats."""

import numpy as _np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'shape'
EXPECTED_MESSAGE = 'expected integers'


@_dispatch.op
def shape(x):
    return _np.asarray(_np.shape(x), dtype='float32')
