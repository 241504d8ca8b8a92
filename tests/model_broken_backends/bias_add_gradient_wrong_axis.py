"""Broken on purpose: bias_add's gradient for the bias sums the cotangent over the batch axis
only and keeps the first spatial position (right for Dense's 2-D inputs, wrong for Conv2D's)."""

import numpy as np

from reference_backend import dispatch as _dispatch
from reference_backend import pooling as _pooling
from reference_backend.classic import *  # noqa: F401,F403

SCENARIO = "conv_channels_last_adam"
CULPRIT = "bias_add"


@_dispatch.op
def bias_add(x, bias, data_format=None):
    return _pooling.bias_add.__wrapped__(x, bias, data_format)


@bias_add.gradient("x", "bias")
def _bias_add_gradient(cotangent, result, x, bias, data_format):
    summed = np.sum(cotangent, axis=0)
    return {"x": cotangent, "bias": summed.reshape(-1, bias.shape[0])[0] if summed.ndim > 1 else summed}
