"""Broken on purpose: get_variable_shape answers a list (the shape's as_list()), not a tuple."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import tensors as _tensors

BROKEN_ENTRY = 'get_variable_shape'
EXPECTED_MESSAGE = 'get_variable_shape('


def get_variable_shape(x):
    shape = _tensors.int_shape(x)
    return None if shape is None else list(shape)
