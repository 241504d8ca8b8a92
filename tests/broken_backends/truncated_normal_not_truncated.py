"""Broken on purpose: truncated_normal is a plain normal draw (nothing beyond 2 sigma is redrawn)."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend import random as _random

BROKEN_ENTRY = 'truncated_normal'
EXPECTED_MESSAGE = 'values outside [-2.0, 2.0]'


@_dispatch.op
def truncated_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    return _random._normal(shape, mean, stddev, dtype, seed)
