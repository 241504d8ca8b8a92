"""Broken on purpose: image_data_format() answers TensorFlow's layout name 'NHWC'."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'image_data_format'
EXPECTED_MESSAGE = 'image_data_format(): expected one of'


def image_data_format():
    return 'NHWC'
