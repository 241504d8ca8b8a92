"""Broken on purpose: variable stores its value through float16, losing precision."""

import numpy as _np

from reference_backend import *  # noqa: F401,F403
from reference_backend import variable as _variable

BROKEN_ENTRY = 'variable'
EXPECTED_MESSAGE = 'eval(variable(x))'


def variable(value, dtype=None, name=None, constraint=None):
    return _variable(_np.asarray(value, dtype='float16'), dtype=dtype, name=name, constraint=constraint)
