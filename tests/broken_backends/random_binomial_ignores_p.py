"""Broken on purpose: random_binomial draws ones with probability 0.5, whatever ``p`` says."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend import random as _random

BROKEN_ENTRY = 'random_binomial'
EXPECTED_MESSAGE = 'frequency of ones'


@_dispatch.op
def random_binomial(shape, p=0.0, dtype=None, seed=None):
    return _random._bernoulli(shape, 0.5, dtype, seed)
