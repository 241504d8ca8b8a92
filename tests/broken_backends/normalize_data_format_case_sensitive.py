"""Broken on purpose: normalize_data_format does not lower-case its argument."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import config as _config

BROKEN_ENTRY = 'normalize_data_format'
EXPECTED_MESSAGE = "K.normalize_data_format('CHANNELS_LAST') raised ValueError"


def normalize_data_format(value):
    if value is None:
        return _config.image_data_format()
    if value not in _config.DATA_FORMATS:
        raise ValueError(value)
    return value
