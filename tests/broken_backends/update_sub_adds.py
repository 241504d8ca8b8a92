"""Broken on purpose: update_sub adds."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import update_add as update_sub  # noqa: F401

BROKEN_ENTRY = 'update_sub'
EXPECTED_MESSAGE = 'get_value(v) after update_sub(v, x)'
