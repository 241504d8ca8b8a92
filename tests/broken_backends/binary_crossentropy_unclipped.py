"""Broken on purpose: binary_crossentropy takes the logs of the probabilities unclipped: exact 0 and 1 give inf/NaN."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'binary_crossentropy'
EXPECTED_MESSAGE = 'binary_crossentropy('

@_dispatch.op
def binary_crossentropy(target, output, from_logits=False):
    o = output.astype("float64")
    if from_logits:
        return (np.maximum(o, 0) - o * target + np.log1p(np.exp(-np.abs(o)))).astype(output.dtype)
    with np.errstate(divide="ignore", invalid="ignore"):
        return (-(target * np.log(o) + (1 - target) * np.log(1 - o))).astype(output.dtype)
