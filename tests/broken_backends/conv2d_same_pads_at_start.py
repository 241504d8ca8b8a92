"""Broken for tf_keras only: conv2d's 'same' padding puts the odd padded cell at the start (scipy's
convention) instead of the end (TensorFlow's); only even windows show it. Classic Keras 2.3 accepts
it (Theano, numpy_backend: a convention of reference_backend.classic)."""

import builtins

import numpy as np

import reference_backend as _reference
from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'conv2d'
EXPECTED_MESSAGE = "padding='same'"
OPTIONS = ("--contract=tf_keras",)


@_dispatch.op
def conv2d(x, kernel, strides=(1, 1), padding="valid", data_format=None, dilation_rate=(1, 1)):
    if padding != "same":
        return np.asarray(_reference.conv2d(x, kernel, strides, padding, data_format, dilation_rate))
    first = 2 if (data_format or _reference.image_data_format()) == "channels_first" else 1
    widths = [(0, 0)] * 4
    for axis, k, s, d in zip((first, first + 1), kernel.shape, strides, dilation_rate):
        size = x.shape[axis]
        total = builtins.max((-(-size // s) - 1) * s + d * (k - 1) + 1 - size, 0)
        widths[axis] = (total - total // 2, total // 2)
    return np.asarray(_reference.conv2d(np.pad(x, widths), kernel, strides, "valid", data_format, dilation_rate))
