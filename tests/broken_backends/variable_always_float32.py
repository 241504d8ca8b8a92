"""Broken on purpose: variable ignores floatx() and makes float32 when no dtype is given (a default
float32 run cannot tell)."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import variable as _variable

BROKEN_ENTRY = 'variable'
EXPECTED_MESSAGE = "variable after set_floatx('float64'): expected dtype float64, got float32"


def variable(value, dtype=None, name=None, constraint=None):
    return _variable(value, dtype=dtype or 'float32', name=name, constraint=constraint)
