"""Broken on purpose: symbolic's wrapper calls the function but forgets to return its result."""

import functools

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'symbolic'
EXPECTED_MESSAGE = 'expected 31'


def symbolic(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        func(*args, **kwargs)
    return wrapper
