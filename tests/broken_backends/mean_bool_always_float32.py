"""Broken on purpose: mean computes bool input in float32 whatever floatx() says (a default float32
run cannot tell)."""

import numpy as np

import reference_backend as _reference
from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'mean'
EXPECTED_MESSAGE = "mean after set_floatx('float64'): expected dtype float64, got float32"


@_dispatch.op
def mean(x, axis=None, keepdims=False):
    return np.asarray(_reference.mean(x.astype(np.float32) if x.dtype == np.bool_ else x, axis, keepdims))
