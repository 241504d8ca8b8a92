"""Broken for tf_keras only: conv2d_transpose scatters the taps in reverse order (the kernel flipped),
which is a convolution's transpose, not a cross-correlation's. Classic Keras 2.3 accepts it (Theano's
flipped kernels: a convention of reference_backend.classic)."""

import numpy as np

import reference_backend as _reference
from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'conv2d_transpose'
EXPECTED_MESSAGE = "conv2d_transpose("
OPTIONS = ("--contract=tf_keras",)


@_dispatch.op
def conv2d_transpose(x, kernel, output_shape, strides=(1, 1), padding="valid", data_format=None,
                     dilation_rate=(1, 1)):
    return np.asarray(_reference.conv2d_transpose(x, kernel[::-1, ::-1], output_shape, strides, padding,
                                                  data_format, dilation_rate))
