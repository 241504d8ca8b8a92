"""Broken on purpose: stop_gradient answers zeros, confusing "zero gradient" with a zero value."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'stop_gradient'
EXPECTED_MESSAGE = 'expected 0.5, got 0.0'


@_dispatch.op
def _zeros(x):
    return np.zeros_like(x)


def stop_gradient(variables):
    if isinstance(variables, (list, tuple)):
        return [_zeros(v) for v in variables]
    return _zeros(variables)
