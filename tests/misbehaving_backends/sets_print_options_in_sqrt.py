"""Misbehaving on purpose: sqrt changes numpy's print options, which every later message would follow."""

import numpy as _np

from reference_backend import *  # noqa: F401,F403
from reference_backend import sqrt as _sqrt

BROKEN_ENTRY = 'sqrt'
EXPECTED_MESSAGE = "sqrt changed numpy's print options"
OPTIONS: list[str] = []


def sqrt(x):
    _np.set_printoptions(precision=1, threshold=2)
    return _sqrt(x)
