"""Broken on purpose: variable ignores its dtype argument and always uses floatx."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import variable as _variable

BROKEN_ENTRY = 'variable'
EXPECTED_MESSAGE = 'dtype(variable(x, dtype='


def variable(value, dtype=None, name=None, constraint=None):
    return _variable(value, name=name, constraint=constraint)
