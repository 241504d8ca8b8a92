"""Broken on purpose: count_params answers the rank instead of the number of elements."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'count_params'
EXPECTED_MESSAGE = 'count_params(variable of shape'


def count_params(x):
    return len(x.shape)
