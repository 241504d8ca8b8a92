"""Broken on purpose: manual_variable_initialization validates its flag as an int 0/1 and
refuses True/False (bool is an int subclass, excluded by a strict type test)."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import session as _session

BROKEN_ENTRY = 'manual_variable_initialization'
EXPECTED_MESSAGE = 'manual_variable_initialization'


def manual_variable_initialization(value):
    if type(value) is not int or value not in (0, 1):
        raise TypeError(f"expected 0 or 1, got {value!r}")
    _session.manual_variable_initialization(value)
