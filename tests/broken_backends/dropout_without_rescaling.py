"""Broken on purpose: dropout zeroes values but does not scale the kept ones by 1 / (1 - level)."""

import numpy as _np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend import random as _random

BROKEN_ENTRY = 'dropout'
EXPECTED_MESSAGE = 'kept values are not x / (1 - level)'


def dropout(x, level, noise_shape=None, seed=None):
    if not 0 <= level < 1:
        raise ValueError(f"dropout level must be in [0, 1), got {level!r}")
    return _unscaled(x, level, noise_shape, seed)


@_dispatch.op
def _unscaled(x, level, noise_shape, seed):
    keep = _random._generator(seed).random(x.shape if noise_shape is None else tuple(noise_shape)) >= level
    return _np.where(keep, x, _np.zeros((), x.dtype))
