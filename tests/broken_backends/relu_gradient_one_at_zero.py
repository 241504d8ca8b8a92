"""Broken on purpose: relu's gradient is 1 at 0 (x >= 0), not TensorFlow's ReluGrad (x > 0)."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend import nn as _nn

BROKEN_ENTRY = 'relu'
EXPECTED_MESSAGE = 'ReluGrad: x > 0, so 0 at 0'


@_dispatch.op
def relu(x, alpha=0.0, max_value=None, threshold=0.0):
    return _nn.relu.__wrapped__(x, alpha, max_value, threshold)


@relu.gradient("x")
def _relu_gradient(cotangent, result, x, alpha, max_value, threshold):
    if alpha == 0 and max_value is None and threshold == 0:
        return {"x": cotangent * (x >= 0)}
    return _nn._relu_gradient(cotangent, result, x, alpha, max_value, threshold)
