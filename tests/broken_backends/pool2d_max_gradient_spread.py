"""Broken on purpose: max pooling's gradient is spread evenly over each window (average
pooling's), not sent to the window's first maximum (TensorFlow's MaxPoolGrad)."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend import pooling as _pooling

BROKEN_ENTRY = 'pool2d'
EXPECTED_MESSAGE = 'MaxPoolGrad: all to the first maximum'


@_dispatch.op
def pool2d(x, pool_size, strides=(1, 1), padding="valid", data_format=None, pool_mode="max"):
    return _pooling.pool2d.__wrapped__(x, pool_size, strides, padding, data_format, pool_mode)


@pool2d.gradient("x")
def _pool2d_gradient(cotangent, result, x, pool_size, strides, padding, data_format, pool_mode):
    return _pooling._pool_gradient(cotangent, result, x, pool_size, strides, padding, data_format, "avg")
