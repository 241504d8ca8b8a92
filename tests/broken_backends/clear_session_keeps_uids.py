"""Broken on purpose: clear_session forgets to reset the uids."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import session as _session

BROKEN_ENTRY = 'clear_session'
EXPECTED_MESSAGE = 'after clear_session()'


def clear_session():
    _session._learning_phase = None
