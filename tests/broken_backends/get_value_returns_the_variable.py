"""Broken on purpose: get_value returns the variable itself."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'get_value'
EXPECTED_MESSAGE = 'expected a numpy array, got Variable'


def get_value(x):
    return x
