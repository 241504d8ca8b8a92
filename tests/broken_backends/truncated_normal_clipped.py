"""Broken on purpose: truncated_normal clips values to 2 sigma instead of redrawing them:
the range is right, the spread is not (std 0.9490 sigma instead of 0.8796 sigma)."""

import numpy as _np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend import random as _random

BROKEN_ENTRY = 'truncated_normal'
EXPECTED_MESSAGE = 'standard deviation'


@_dispatch.op
def truncated_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    z = _np.clip(_random._generator(seed).standard_normal(_random._shape(shape)), -2, 2)
    return (mean + stddev * z).astype(_random._float_dtype(dtype))
