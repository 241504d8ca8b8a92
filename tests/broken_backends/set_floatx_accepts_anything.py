"""Broken on purpose: set_floatx stores any value without validating it."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import config as _config

BROKEN_ENTRY = 'set_floatx'
EXPECTED_MESSAGE = 'expected ValueError, but nothing was raised'


def set_floatx(value):
    _config._FLOATX = value
