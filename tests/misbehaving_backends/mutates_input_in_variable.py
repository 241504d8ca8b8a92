"""Misbehaving on purpose: variable doubles the numpy array it is given, in place."""

import numpy as _np

from reference_backend import *  # noqa: F401,F403
from reference_backend import variable as _variable

BROKEN_ENTRY = 'variable'
EXPECTED_MESSAGE = 'variable modified the numpy array passed as argument 0 in place'
OPTIONS = []


def variable(value, dtype=None, name=None, constraint=None):
    result = _variable(value, dtype=dtype, name=name, constraint=constraint)
    if isinstance(value, _np.ndarray) and value.dtype.kind == 'f' and value.size:
        value *= 2
    return result
