"""Broken on purpose: learning_phase_scope sets the phase and leaves it set after the block."""

import contextlib

from reference_backend import *  # noqa: F401,F403
from reference_backend import session as _session

BROKEN_ENTRY = 'learning_phase_scope'
EXPECTED_MESSAGE = 'after learning_phase_scope(0) ends'


@contextlib.contextmanager
def learning_phase_scope(value):
    _session.set_learning_phase(value)
    yield
