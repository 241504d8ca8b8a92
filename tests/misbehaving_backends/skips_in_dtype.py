"""Misbehaving on purpose: dtype calls pytest.skip, which would hide every check that uses it."""

import pytest as _pytest

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'dtype'
EXPECTED_MESSAGE = "dtype raised pytest's Skipped"
OPTIONS = []


def dtype(x):
    _pytest.skip('no dtype today')
