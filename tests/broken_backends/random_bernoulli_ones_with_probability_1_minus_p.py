"""Broken on purpose: random_bernoulli compares the wrong way round (``uniform >= p``),
so ones come with probability 1 - p."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend import random as _random

BROKEN_ENTRY = 'random_bernoulli'
EXPECTED_MESSAGE = 'frequency of ones'


@_dispatch.op
def random_bernoulli(shape, p=0.0, dtype=None, seed=None):
    return (_random._generator(seed).random(_random._shape(shape)) >= p).astype(_random._float_dtype(dtype))
