"""Misbehaving on purpose: image_data_format answers a new object on every call, whose == raises."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import image_data_format as _image_data_format

BROKEN_ENTRY = 'image_data_format'
EXPECTED_MESSAGE = "image_data_format(): expected one of ('channels_first', 'channels_last'), got _Format("
OPTIONS: list[str] = []


class _Format:
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        raise TypeError('formats cannot be compared')

    __hash__ = object.__hash__

    def __repr__(self):
        return f'_Format({self.name!r})'


def image_data_format():
    return _Format(_image_data_format())
