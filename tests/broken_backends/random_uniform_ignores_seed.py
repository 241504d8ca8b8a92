"""Broken on purpose: random_uniform ignores ``seed`` (every draw is fresh), so seeded draws cannot be repeated."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend import random as _random

BROKEN_ENTRY = 'random_uniform'
EXPECTED_MESSAGE = 'seed=21 twice'


@_dispatch.op
def random_uniform(shape, minval=0.0, maxval=1.0, dtype=None, seed=None):
    return _random._uniform(shape, minval, maxval, dtype, None)
