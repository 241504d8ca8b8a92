"""Broken on purpose: stop_gradient is the identity for gradients too (the gradient flows through it)."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'stop_gradient'
EXPECTED_MESSAGE = 'got 2 x: the gradient flowed through stop_gradient'


@_dispatch.op
def _passing(x):
    return x.copy()


@_passing.gradient("x")
def _passing_gradient(cotangent, result, x):
    return {"x": cotangent}


def stop_gradient(variables):
    if isinstance(variables, (list, tuple)):
        return [_passing(v) for v in variables]
    return _passing(variables)
