"""Broken on purpose: eye fills the matrix with ones."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import ones as _ones

BROKEN_ENTRY = 'eye'
EXPECTED_MESSAGE = 'eval(eye(3'


def eye(size, dtype=None, name=None):
    return _ones((size, size), dtype=dtype, name=name)
