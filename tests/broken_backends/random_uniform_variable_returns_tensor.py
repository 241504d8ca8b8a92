"""Broken on purpose: random_uniform_variable returns a plain (constant) tensor, not a variable."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend import random as _random

BROKEN_ENTRY = 'random_uniform_variable'
EXPECTED_MESSAGE = 'is not a variable'


def random_uniform_variable(shape, low, high, dtype=None, name=None, seed=None):
    return _dispatch.Tensor(_random._uniform(shape, low, high, dtype, seed), name=name)
