"""Broken on purpose: logsumexp is ``log(sum(exp(x)))`` without the max shift, so large inputs overflow to inf."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend.reductions import _axes

BROKEN_ENTRY = 'logsumexp'
EXPECTED_MESSAGE = 'stable'


@_dispatch.op
def logsumexp(x, axis=None, keepdims=False):
    with np.errstate(all="ignore"):
        return np.log(np.sum(np.exp(x), axis=_axes(axis), keepdims=keepdims)).astype(x.dtype)
