"""Misbehaving on purpose: identity ends the process with os._exit."""

import os as _os

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'identity'
EXPECTED_MESSAGE = "the check's process exited with status 3 during a call of identity"
OPTIONS: list[str] = []  # the default run survives it


def identity(x, name=None):
    _os._exit(3)
