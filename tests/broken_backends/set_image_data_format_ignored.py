"""Broken on purpose: set_image_data_format does nothing."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'set_image_data_format'
EXPECTED_MESSAGE = "image_data_format() after set_image_data_format('channels_first')"


def set_image_data_format(data_format):
    pass
