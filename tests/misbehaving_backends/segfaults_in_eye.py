"""Misbehaving on purpose: eye dereferences a null pointer."""

import ctypes as _ctypes

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'eye'
EXPECTED_MESSAGE = "the check's process was killed by SIGSEGV during a call of eye"
OPTIONS: list[str] = []  # the default run survives it


def eye(size, dtype=None, name=None):
    return _ctypes.string_at(0)
