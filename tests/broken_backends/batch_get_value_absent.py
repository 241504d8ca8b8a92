"""Broken on purpose: batch_get_value is not defined."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'batch_get_value'
EXPECTED_MESSAGE = 'does not define'


del batch_get_value  # noqa: F821
