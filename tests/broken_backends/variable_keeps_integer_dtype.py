"""Broken on purpose: variable keeps the dtype of integer input instead of using floatx (numpy habit)."""

import numpy as _np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend import variable as _variable

BROKEN_ENTRY = 'variable'
EXPECTED_MESSAGE = 'dtype(variable('


def variable(value, dtype=None, name=None, constraint=None):
    if dtype is None and _np.asarray(value).dtype.kind in 'iu':
        dtype = _np.asarray(value).dtype.name
    return _variable(value, dtype=dtype, name=name, constraint=constraint)
