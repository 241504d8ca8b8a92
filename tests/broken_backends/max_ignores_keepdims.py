"""Broken on purpose: max drops the reduced axes even when keepdims is True."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend.reductions import _axes, _highest, _lowest

BROKEN_ENTRY = 'max'
EXPECTED_MESSAGE = 'expected shape'


@_dispatch.op
def max(x, axis=None, keepdims=False):
    return np.maximum.reduce(x, axis=_axes(axis), initial=_lowest(x.dtype)).astype(x.dtype)
