"""Broken on purpose: ndim does not count the first (batch) dimension."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'ndim'
EXPECTED_MESSAGE = 'ndim('


def ndim(x):
    return len(x.shape) - 1
