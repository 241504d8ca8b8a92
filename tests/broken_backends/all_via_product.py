"""Broken on purpose: all is ``prod(x) != 0``: tiny values underflow the product to 0 and 0 * inf is NaN."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend.reductions import _axes

BROKEN_ENTRY = 'all'
EXPECTED_MESSAGE = 'elements differ'


@_dispatch.op
def all(x, axis=None, keepdims=False):
    with np.errstate(all="ignore"):
        return np.prod(x, axis=_axes(axis), keepdims=keepdims) != 0
