"""Broken on purpose: eval returns nested Python lists."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import eval as _eval

BROKEN_ENTRY = 'eval'
EXPECTED_MESSAGE = 'expected a numpy array, got'


def eval(x):
    return _eval(x).tolist()
