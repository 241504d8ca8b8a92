"""Broken on purpose: softmax's gradient keeps only the Jacobian's diagonal, s * (1 - s) * cotangent,
dropping the off-diagonal -s_i s_j terms (the forward is the reference's)."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend import nn as _nn

BROKEN_ENTRY = 'softmax'
EXPECTED_MESSAGE = 'gradients(sum(softmax('


@_dispatch.op
def softmax(x, axis=-1):
    return _nn.softmax.__wrapped__(x, axis)


@softmax.gradient("x")
def _softmax_gradient(cotangent, result, x, axis):
    s = _nn.softmax_exact(x, axis)
    return {"x": cotangent * s * (1 - s)}
