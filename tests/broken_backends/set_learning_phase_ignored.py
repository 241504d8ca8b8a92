"""Broken on purpose: set_learning_phase validates its argument, then does nothing."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'set_learning_phase'
EXPECTED_MESSAGE = 'learning_phase() after set_learning_phase(1)'


def set_learning_phase(value):
    if value not in (0, 1):
        raise ValueError('Expected learning phase to be 0 or 1.')
