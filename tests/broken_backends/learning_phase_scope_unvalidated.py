"""Broken on purpose: learning_phase_scope accepts any value (tf_keras raises ValueError
outside 0 and 1); inside, learning_phase() answers it."""

import contextlib

from reference_backend import *  # noqa: F401,F403
from reference_backend import session as _session

BROKEN_ENTRY = 'learning_phase_scope'
EXPECTED_MESSAGE = 'expected ValueError'


@contextlib.contextmanager
def learning_phase_scope(value):
    previous = _session._learning_phase
    _session._learning_phase = value
    try:
        yield
    finally:
        _session._learning_phase = previous
