"""Allowed: conv2d flips its kernels, as Theano's true convolution does (classic Keras 2.3 accepted
it; Keras 2.3.1's tests feed Theano ``convert_kernel(...)``). Under a contract admitting classic
Keras 2.3 the model tier must pass it; under tf_keras's it must diverge before training."""

from reference_backend import classic as _classic
from reference_backend.classic import *  # noqa: F401,F403


def conv2d(x, kernel, strides=(1, 1), padding="valid", data_format=None, dilation_rate=(1, 1)):
    return _classic.conv2d(x, _classic.reverse(kernel, axes=(0, 1)), strides, padding, data_format, dilation_rate)
