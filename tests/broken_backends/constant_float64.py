"""Broken on purpose: constant always gives float64 (the classic numpy backend's bug)."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import constant as _constant

BROKEN_ENTRY = 'constant'
EXPECTED_MESSAGE = 'expected dtype'


def constant(value, dtype=None, shape=None, name=None):
    return _constant(value, dtype='float64', shape=shape, name=name)
