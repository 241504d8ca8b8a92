"""Broken on purpose: function returns only the first of its outputs."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import function as _function

BROKEN_ENTRY = 'function'
EXPECTED_MESSAGE = 'number of outputs'


def function(inputs, outputs, updates=None, name=None, **kwargs):
    return _function(inputs, list(outputs)[:1], updates=updates, name=name, **kwargs)
