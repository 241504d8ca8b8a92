"""Broken on purpose: min skips NaN (numpy's ``fmin``) instead of propagating it."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend.reductions import _axes, _highest, _lowest

BROKEN_ENTRY = 'min'
EXPECTED_MESSAGE = 'NaN placement differs'


@_dispatch.op
def min(x, axis=None, keepdims=False):
    return np.fmin.reduce(x, axis=_axes(axis), keepdims=keepdims, initial=_highest(x.dtype)).astype(x.dtype)
