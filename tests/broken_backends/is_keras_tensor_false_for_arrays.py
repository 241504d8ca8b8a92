"""Broken on purpose: is_keras_tensor answers False for numpy arrays and numbers (Keras 3 behaviour) instead of
raising."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'is_keras_tensor'
EXPECTED_MESSAGE = 'expected ValueError'


def is_keras_tensor(x):
    return isinstance(x, _dispatch.SymbolicTensor)
