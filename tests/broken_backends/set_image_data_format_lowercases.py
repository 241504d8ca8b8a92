"""Broken on purpose: set_image_data_format accepts case variants, as Keras 3 does."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import config as _config

BROKEN_ENTRY = 'set_image_data_format'
EXPECTED_MESSAGE = "set_image_data_format('CHANNELS_LAST'): expected ValueError"


def set_image_data_format(data_format):
    _config.set_image_data_format(data_format.lower() if isinstance(data_format, str) else data_format)
