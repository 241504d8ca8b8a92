"""Misbehaving on purpose: square replaces numpy.square, which the reference's square (the oracle) calls."""

import numpy as _np

from reference_backend import *  # noqa: F401,F403
from reference_backend import square as _square

BROKEN_ENTRY = 'square'
EXPECTED_MESSAGE = 'square changed numpy.square'
OPTIONS: list[str] = []

_numpy_square = _np.square


def square(x):
    _np.square = lambda value, *args, **kwargs: _numpy_square(value, *args, **kwargs) + 1
    return _square(x)
