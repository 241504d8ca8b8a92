"""Broken on purpose: set_epsilon does nothing."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'set_epsilon'
EXPECTED_MESSAGE = 'epsilon() after set_epsilon'


def set_epsilon(value):
    pass
