"""Broken on purpose: dropout draws one keep/drop flag per value, ignoring ``noise_shape``."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import random as _random

BROKEN_ENTRY = 'dropout'
EXPECTED_MESSAGE = 'partly dropped'


def dropout(x, level, noise_shape=None, seed=None):
    if not 0 <= level < 1:
        raise ValueError(f"dropout level must be in [0, 1), got {level!r}")
    return _random._kept_scaled(x, _random._keep_mask(x, level, None, seed), level)
