"""Broken on purpose: floatx() ignores the configuration and always answers 'float64'."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'floatx'
EXPECTED_MESSAGE = "expected 'float32', got 'float64'"


def floatx():
    return 'float64'
