"""Misbehaving on purpose: cast answers None."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'cast'
EXPECTED_MESSAGE = 'expected a backend tensor, got NoneType'
OPTIONS = []


def cast(x, dtype):
    return None
