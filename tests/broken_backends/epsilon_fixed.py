"""Broken on purpose: epsilon() always answers 1e-3, whatever was set."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'epsilon'
EXPECTED_MESSAGE = 'expected 1e-07, got 0.001'


def epsilon():
    return 1e-3
