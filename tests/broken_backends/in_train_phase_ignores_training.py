"""Broken on purpose: in_train_phase ignores its training argument and always follows learning_phase()."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import conditionals as _conditionals
from reference_backend import session as _session

BROKEN_ENTRY = 'in_train_phase'
EXPECTED_MESSAGE = 'training=1 is the training phase'


def in_train_phase(x, alt, training=None):
    return _conditionals.in_train_phase(x, alt, training=_session.learning_phase())
