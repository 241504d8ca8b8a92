"""Broken on purpose: set_learning_phase stores any value."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import session as _session

BROKEN_ENTRY = 'set_learning_phase'
EXPECTED_MESSAGE = 'expected ValueError, but nothing was raised'


def set_learning_phase(value):
    _session._learning_phase = value
