"""Broken on purpose: random_normal_variable centres its values on 0, ignoring ``mean``."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend import random as _random

BROKEN_ENTRY = 'random_normal_variable'
EXPECTED_MESSAGE = 'expected 3 +-'


def random_normal_variable(shape, mean, scale, dtype=None, name=None, seed=None):
    return _dispatch.Variable(_random._normal(shape, 0.0, scale, dtype, seed), name=name or "Variable")
