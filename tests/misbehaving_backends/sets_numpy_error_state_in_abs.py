"""Misbehaving on purpose: abs makes numpy raise on every floating-point error, for everyone after it."""

import numpy as _np

from reference_backend import *  # noqa: F401,F403
from reference_backend import abs as _abs

BROKEN_ENTRY = 'abs'
EXPECTED_MESSAGE = "abs changed numpy's error state"
OPTIONS: list[str] = []


def abs(x):
    _np.seterr(all='raise')
    return _abs(x)
