"""Broken on purpose: set_value replaces the variable's value without casting it to the variable's dtype."""

import numpy as _np

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'set_value'
EXPECTED_MESSAGE = 'expected dtype float32, got float64'


def set_value(x, value):
    x._value = _np.array(value)
