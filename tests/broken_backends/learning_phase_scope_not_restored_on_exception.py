"""Broken on purpose: learning_phase_scope restores the phase only when its block ends
normally (no try/finally), so an exception leaves the scope's phase in force."""

import contextlib

from reference_backend import *  # noqa: F401,F403
from reference_backend import session as _session

BROKEN_ENTRY = 'learning_phase_scope'
EXPECTED_MESSAGE = 'ended by an exception'


@contextlib.contextmanager
def learning_phase_scope(value):
    if value not in (0, 1):
        raise ValueError("Expected learning phase to be 0 or 1.")
    previous = _session._learning_phase
    _session._learning_phase = int(value)
    yield
    _session._learning_phase = previous
