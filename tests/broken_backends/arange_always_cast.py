"""Broken on purpose: arange always casts to dtype, so float arguments with the default dtype
give int32 (tf_keras casts only when dtype != 'int32')."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'arange'
EXPECTED_MESSAGE = 'float arguments with the default dtype give float32'

@_dispatch.op
def arange(start, stop=None, step=1, dtype="int32"):
    if stop is None:
        start, stop = 0, start if start > 0 else 0  # (max is the backend's reduction here)
    return np.arange(start, stop, step).astype(dtype)
