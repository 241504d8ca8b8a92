"""Broken on purpose: is_placeholder always answers False."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'is_placeholder'
EXPECTED_MESSAGE = 'is_placeholder(placeholder(...)): expected True'


def is_placeholder(x):
    return False
