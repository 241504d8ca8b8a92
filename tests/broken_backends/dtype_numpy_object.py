"""Broken on purpose: dtype answers a numpy dtype object instead of a string."""

from reference_backend import *  # noqa: F401,F403
import numpy as _np

BROKEN_ENTRY = 'dtype'
EXPECTED_MESSAGE = '(str), got'


def dtype(x):
    return _np.dtype(x.dtype)
