"""Broken on purpose: reset_uids forgets to reset."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'reset_uids'
EXPECTED_MESSAGE = 'after reset_uids()'


def reset_uids():
    pass
