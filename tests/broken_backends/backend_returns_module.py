"""Broken on purpose: backend() answers the backend module itself, not its name."""

import sys

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'backend'
EXPECTED_MESSAGE = 'expected a non-empty string'


def backend():
    return sys.modules[__name__]
