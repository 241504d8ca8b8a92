"""Broken on purpose: max pooling's gradient goes to the first cell of each window, not to
its maximum (the forward answer is right)."""

import numpy as np

from reference_backend import dispatch as _dispatch
from reference_backend import pooling as _pooling
from reference_backend.classic import *  # noqa: F401,F403

SCENARIO = "conv_channels_last_adam"
CULPRIT = "pool2d"


@_dispatch.op
def pool2d(x, pool_size, strides=(1, 1), padding="valid", data_format=None, pool_mode="max"):
    return _pooling.pool2d.__wrapped__(x, pool_size, strides, padding, data_format, pool_mode)


@pool2d.gradient("x")
def _first_cell_gradient(cotangent, result, x, pool_size, strides, padding, data_format, pool_mode):
    if pool_mode != "max":
        return _pooling._pool_gradient(cotangent, result, x, pool_size, strides, padding, data_format, pool_mode)
    return _pooling._pool_gradient(cotangent, result, np.zeros_like(x) + _first_cells(x, pool_size),
                                   pool_size, strides, padding, data_format, pool_mode)


def _first_cells(x, pool_size):
    """A ramp that makes every window's first cell its maximum (channels_last, 'valid', stride = size)."""
    rows = -np.arange(x.shape[1]).reshape(1, -1, 1, 1) % pool_size[0]
    cols = -np.arange(x.shape[2]).reshape(1, 1, -1, 1) % pool_size[1]
    return -1.0 * (rows != 0) - 1.0 * (cols != 0)
