"""Broken on purpose: eager's wrapper passes positional arguments only, dropping keywords."""

import functools

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'eager'
EXPECTED_MESSAGE = 'expected 34, got 31'


def eager(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args)
    return wrapper
