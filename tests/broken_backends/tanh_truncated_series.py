"""Broken on purpose: tanh uses the first two terms of its series, x - x**3/3, everywhere."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'tanh'
EXPECTED_MESSAGE = 'tanh('


@_dispatch.op
def tanh(x):
    return x - x ** 3 / 3
