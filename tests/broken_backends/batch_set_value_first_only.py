"""Broken on purpose: batch_set_value assigns only the first pair."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import set_value as _set_value

BROKEN_ENTRY = 'batch_set_value'
EXPECTED_MESSAGE = 'get_value(b) after batch_set_value'


def batch_set_value(tuples):
    for x, value in list(tuples)[:1]:
        _set_value(x, value)
