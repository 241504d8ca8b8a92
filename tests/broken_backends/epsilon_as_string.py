"""Broken on purpose: epsilon() answers its value as a string."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'epsilon'
EXPECTED_MESSAGE = 'epsilon(): expected a float'


def epsilon():
    return '1e-07'
