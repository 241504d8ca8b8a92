"""Broken on purpose: ones builds its array with the shape reversed (a column-major slip)."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import ones as _ones

BROKEN_ENTRY = 'ones'
EXPECTED_MESSAGE = 'eval(ones('


def ones(shape, dtype=None, name=None):
    return _ones(tuple(shape)[::-1], dtype=dtype, name=name)
