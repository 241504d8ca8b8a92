"""Misbehaving on purpose: sign raises unittest.SkipTest, which pytest would take for a skip of the check."""

import unittest as _unittest

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'sign'
EXPECTED_MESSAGE = "sign raised unittest's SkipTest: no sign today"
OPTIONS: list[str] = []


def sign(x):
    raise _unittest.SkipTest('no sign today')
