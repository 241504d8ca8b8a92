"""Broken on purpose: shape gives the dimensions as floats."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
import numpy as _np

BROKEN_ENTRY = 'shape'
EXPECTED_MESSAGE = 'expected integers'


@_dispatch.op
def shape(x):
    return _np.asarray(_np.shape(x), dtype='float32')
