"""Broken on purpose: dtype answers a numpy dtype object instead of a string."""

import numpy as _np

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'dtype'
EXPECTED_MESSAGE = '(str), got'


def dtype(x):
    return _np.dtype(x.dtype)
