"""Broken on purpose: pool3d answers the window's maximum when asked for its average."""

import numpy as np

import reference_backend as _reference
from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'pool3d'
EXPECTED_MESSAGE = "pool_mode='avg'"


@_dispatch.op
def pool3d(x, pool_size, strides=(1, 1, 1), padding="valid", data_format=None, pool_mode="max"):
    mode = "max" if pool_mode == "avg" else pool_mode
    return np.asarray(_reference.pool3d(x, pool_size, strides, padding, data_format, mode))
