"""Broken on purpose: prod of int32 answers int64 (numpy's default accumulator) instead of int32."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend.reductions import _axes

BROKEN_ENTRY = 'prod'
EXPECTED_MESSAGE = 'expected dtype int32'
OPTIONS = ("--contract=tf_keras",)  # classic Keras 2.3 answers this way


@_dispatch.op
def prod(x, axis=None, keepdims=False):
    with np.errstate(invalid="ignore", over="ignore", under="ignore"):
        return np.prod(x, axis=_axes(axis), keepdims=keepdims)
