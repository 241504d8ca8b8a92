"""Broken on purpose: update_add subtracts."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import update_sub as update_add  # noqa: F401

BROKEN_ENTRY = 'update_add'
EXPECTED_MESSAGE = 'get_value(v) after update_add(v, x)'
