"""Broken on purpose: conv2d's gradient in the kernel is flipped in both spatial axes (the
correlation's gradient taken for a convolution's); the forward is the reference's."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import conv as _conv
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'conv2d'
EXPECTED_MESSAGE = 'gradients(sum(conv2d('


@_dispatch.op
def conv2d(x, kernel, strides=(1, 1), padding="valid", data_format=None, dilation_rate=(1, 1)):
    return _conv.conv2d.__wrapped__(x, kernel, strides, padding, data_format, dilation_rate)


@conv2d.gradient("x", "kernel")
def _conv2d_gradient(cotangent, result, x, kernel, strides, padding, data_format, dilation_rate):
    answers = _conv._conv_gradient(cotangent, result, x, kernel, strides, padding, data_format, dilation_rate)
    answers["kernel"] = np.flip(answers["kernel"], axis=(0, 1))
    return answers
