"""Broken on purpose: set_floatx validates its argument but then stores 'float64' whatever it was.

Restoring the configuration through this setter is impossible; the guard must
restore it anyway, so that no other entry is affected.
"""

from reference_backend import *  # noqa: F401,F403
from reference_backend import config as _config

BROKEN_ENTRY = 'set_floatx'
EXPECTED_MESSAGE = "floatx() after set_floatx('float16'): expected 'float16', got 'float64'"


def set_floatx(value):
    _config.set_floatx(value)
    _config._FLOATX = 'float64'
