"""Broken on purpose: int_shape answers a list instead of a tuple."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'int_shape'
EXPECTED_MESSAGE = '(tuple), got'


def int_shape(x):
    return None if x.shape is None else list(x.shape)
