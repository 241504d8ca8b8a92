"""Broken on purpose: image_data_format() always answers 'channels_first'."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'image_data_format'
EXPECTED_MESSAGE = "expected 'channels_last', got 'channels_first'"


def image_data_format():
    return 'channels_first'
