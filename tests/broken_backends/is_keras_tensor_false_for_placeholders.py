"""Broken for tf_keras only: is_keras_tensor answers False for placeholders, as classic Keras 2.3 does
(only a layer's output has ``_keras_history`` there); tf_keras answers True."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend import is_keras_tensor as _is_keras_tensor

BROKEN_ENTRY = 'is_keras_tensor'
EXPECTED_MESSAGE = 'is_keras_tensor(placeholder(shape=(2, 3)))'
OPTIONS = ("--contract=tf_keras",)


def is_keras_tensor(x):
    return _is_keras_tensor(x) and not isinstance(x, _dispatch.Placeholder)
