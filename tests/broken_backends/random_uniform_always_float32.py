"""Broken on purpose: random_uniform ignores floatx() and draws float32 unless told otherwise."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import random_uniform as _random_uniform

BROKEN_ENTRY = 'random_uniform'
EXPECTED_MESSAGE = "random_uniform after set_floatx('float64'): expected dtype float64, got float32"


def random_uniform(shape, minval=0.0, maxval=1.0, dtype=None, seed=None):
    return _random_uniform(shape, minval, maxval, dtype or 'float32', seed)
