"""Broken on purpose: batch_get_value returns a lazy map object."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import get_value as _get_value

BROKEN_ENTRY = 'batch_get_value'
EXPECTED_MESSAGE = 'expected a list of 2 values'


def batch_get_value(tensors):
    return map(_get_value, tensors)
