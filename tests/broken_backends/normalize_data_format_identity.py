"""Broken on purpose: normalize_data_format returns its argument unchanged (no default, no lower-casing, no
validation)."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'normalize_data_format'
EXPECTED_MESSAGE = "normalize_data_format('CHANNELS_LAST'): expected 'channels_last', got 'CHANNELS_LAST'"


def normalize_data_format(value):
    return value
