"""Broken on purpose: zeros returns a constant, not a variable."""

import numpy as _np

from reference_backend import *  # noqa: F401,F403
from reference_backend import constant as _constant

BROKEN_ENTRY = 'zeros'
EXPECTED_MESSAGE = 'must return a variable'


def zeros(shape, dtype=None, name=None):
    return _constant(_np.zeros(shape), dtype=dtype, name=name)
