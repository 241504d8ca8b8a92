"""Broken on purpose: dropout accepts level 1 (returning zeros) instead of raising ValueError."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import random as _random

BROKEN_ENTRY = 'dropout'
EXPECTED_MESSAGE = 'level 1 (drop everything) is refused'


def dropout(x, level, noise_shape=None, seed=None):
    if level == 1:
        return x * 0.0
    return _random.dropout(x, level, noise_shape, seed)
