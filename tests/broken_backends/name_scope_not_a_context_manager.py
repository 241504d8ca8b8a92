"""Broken on purpose: name_scope answers the scope's name (a string) instead of a context manager."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'name_scope'
EXPECTED_MESSAGE = 'context manager'


def name_scope(name):
    return name + "/"
