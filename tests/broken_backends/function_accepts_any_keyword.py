"""Broken on purpose: function silently accepts unknown keyword arguments."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import function as _function

BROKEN_ENTRY = 'function'
EXPECTED_MESSAGE = 'expected ValueError, but nothing was raised'


def function(inputs, outputs, updates=None, name=None, **kwargs):
    return _function(inputs, outputs, updates=updates, name=name)
