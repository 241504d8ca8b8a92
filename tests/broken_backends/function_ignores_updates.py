"""Broken on purpose: function drops its updates."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import function as _function

BROKEN_ENTRY = 'function'
EXPECTED_MESSAGE = 'get_value(v) after'


def function(inputs, outputs, updates=None, name=None, **kwargs):
    return _function(inputs, outputs, name=name, **kwargs)
