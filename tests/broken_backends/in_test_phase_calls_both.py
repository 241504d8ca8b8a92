"""Broken on purpose: in_test_phase calls both callables before choosing (the right one is
answered, but the other ran: a dropout branch would draw random numbers for nothing)."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import conditionals as _conditionals

BROKEN_ENTRY = 'in_test_phase'
EXPECTED_MESSAGE = 'expected only'


def in_test_phase(x, alt, training=None):
    x_value = x() if callable(x) else x
    alt_value = alt() if callable(alt) else alt
    return _conditionals.in_train_phase(alt_value, x_value, training=training)
