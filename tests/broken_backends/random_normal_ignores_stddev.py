"""Broken on purpose: random_normal draws with standard deviation 1 whatever ``stddev`` says."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend import random as _random

BROKEN_ENTRY = 'random_normal'
EXPECTED_MESSAGE = 'standard deviation'


@_dispatch.op
def random_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    return _random._normal(shape, mean, 1.0, dtype, seed)
