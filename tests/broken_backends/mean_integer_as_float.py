"""Broken on purpose: mean of integers answers the exact mean in floatx instead of the truncated integer mean."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend.reductions import _axes

BROKEN_ENTRY = 'mean'
EXPECTED_MESSAGE = 'an integer mean is an integer'
OPTIONS = ("--contract=tf_keras",)  # classic Keras 2.3 answers this way


@_dispatch.op
def mean(x, axis=None, keepdims=False):
    with np.errstate(invalid="ignore"):
        return np.mean(x.astype(np.float64), axis=_axes(axis), keepdims=keepdims).astype(
            x.dtype if x.dtype.kind == "f" else floatx())
