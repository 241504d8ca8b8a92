"""Broken on purpose: map_fn loops over the last axis instead of the first."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend.dispatch import Tensor as _Tensor

BROKEN_ENTRY = 'map_fn'
EXPECTED_MESSAGE = 'map_fn('


@_dispatch.op
def map_fn(fn, elems, name=None, dtype=None):
    elems = np.moveaxis(np.asarray(elems), -1, 0)
    return np.stack([np.asarray(fn(_Tensor(item))) for item in elems])
