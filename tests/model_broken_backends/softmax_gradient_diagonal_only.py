"""Broken on purpose: softmax's gradient keeps only the diagonal of its Jacobian, s * (1 - s)."""

from reference_backend import dispatch as _dispatch
from reference_backend import nn as _nn
from reference_backend.classic import *  # noqa: F401,F403

SCENARIO = "dense_sgd_nesterov"
CULPRIT = "softmax"


@_dispatch.op
def softmax(x, axis=-1):
    return _nn.softmax.__wrapped__(x, axis)


@softmax.gradient("x")
def _diagonal_gradient(cotangent, result, x, axis):
    s = _nn.softmax_exact(x, axis)
    return {"x": cotangent * s * (1 - s)}
