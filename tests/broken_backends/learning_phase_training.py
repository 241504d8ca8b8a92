"""Broken on purpose: learning_phase() defaults to True (training), as classic Keras' numpy backend did."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import session as _session

BROKEN_ENTRY = 'learning_phase'
EXPECTED_MESSAGE = 'expected 0, got True'


def learning_phase():
    return True if _session._learning_phase is None else _session._learning_phase
