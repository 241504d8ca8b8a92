"""Broken on purpose: random_uniform always draws from [0, 1), ignoring ``minval`` and ``maxval``."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend import random as _random

BROKEN_ENTRY = 'random_uniform'
EXPECTED_MESSAGE = 'minval=-3.0, maxval=5.0'


@_dispatch.op
def random_uniform(shape, minval=0.0, maxval=1.0, dtype=None, seed=None):
    return _random._uniform(shape, 0.0, 1.0, dtype, seed)
