"""Broken on purpose: sqrt clamps its argument at epsilon instead of 0, so values below 1e-7
come out as sqrt(1e-7) (Adam's denominator sqrt(v) + epsilon grows where v is tiny)."""

import numpy as np

from reference_backend import dispatch as _dispatch
from reference_backend import elementwise as _elementwise
from reference_backend.classic import *  # noqa: F401,F403

SCENARIO = "batch_normalization_adam"
CULPRIT = "sqrt"


@_dispatch.op
def sqrt(x):
    return np.sqrt(np.maximum(x, np.asarray(1e-7, x.dtype)))


sqrt.gradient("x")(_elementwise._sqrt_gradient)
