"""Misbehaving on purpose: is_tensor answers an object whose bool() raises unittest.SkipTest."""

import unittest as _unittest

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'is_tensor'
EXPECTED_MESSAGE = "is_tensor answered a _Answer whose __bool__ raised unittest's SkipTest: undecided"
OPTIONS: list[str] = []


class _Answer:
    def __bool__(self):
        raise _unittest.SkipTest('undecided')


def is_tensor(x):
    return _Answer()
