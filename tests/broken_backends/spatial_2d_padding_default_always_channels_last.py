"""Broken on purpose: spatial_2d_padding with data_format=None pads as channels_last whatever
image_data_format() says. A run under the default layout (channels_last) sees nothing else wrong."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import spatial_2d_padding as _spatial_2d_padding

BROKEN_ENTRY = 'spatial_2d_padding'
EXPECTED_MESSAGE = "under image_data_format() 'channels_first'"


def spatial_2d_padding(x, padding=((1, 1), (1, 1)), data_format=None):
    return _spatial_2d_padding(x, padding, data_format or "channels_last")
