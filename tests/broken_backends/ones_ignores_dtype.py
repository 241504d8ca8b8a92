"""Broken on purpose: ones ignores its dtype argument."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import ones as _ones

BROKEN_ENTRY = 'ones'
EXPECTED_MESSAGE = 'expected dtype'


def ones(shape, dtype=None, name=None):
    return _ones(shape, name=name)
