"""Broken on purpose: dropout keeps each value with probability ``level`` instead of 1 - level
(the kept ones are scaled right, by 1 / (1 - level))."""

import numpy as _np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend import random as _random

BROKEN_ENTRY = 'dropout'
EXPECTED_MESSAGE = 'fraction dropped'


def dropout(x, level, noise_shape=None, seed=None):
    if not 0 <= level < 1:
        raise ValueError(f"dropout level must be in [0, 1), got {level!r}")
    return x if level == 0 else _kept_with_probability_level(x, level, noise_shape, seed)


@_dispatch.op
def _kept_with_probability_level(x, level, noise_shape, seed):
    keep = _random._generator(seed).random(x.shape if noise_shape is None else tuple(noise_shape)) < level
    return _np.where(keep, (x / (1 - level)).astype(x.dtype), _np.zeros((), x.dtype))
