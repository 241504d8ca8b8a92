"""Misbehaving on purpose: epsilon answers NaN, which equals nothing, not even itself."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'epsilon'
EXPECTED_MESSAGE = 'epsilon(): expected a float in (0, 1), got nan'
OPTIONS: list[str] = []


def epsilon():
    return float('nan')
