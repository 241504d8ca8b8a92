"""Broken on purpose: is_keras_tensor answers True for every backend tensor."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import is_keras_tensor as _is_keras_tensor

BROKEN_ENTRY = 'is_keras_tensor'
EXPECTED_MESSAGE = 'is_keras_tensor(variable(...)): expected False'


def is_keras_tensor(x):
    _is_keras_tensor(x)  # still rejects non-tensors
    return True
