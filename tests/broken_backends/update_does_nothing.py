"""Broken on purpose: update returns the variable without assigning."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'update'
EXPECTED_MESSAGE = 'get_value(v) after update(v, x)'


def update(x, new_x):
    return x
