"""Broken on purpose: binary_crossentropy clips to [eps, 1 - eps] but does not add eps again inside the logs."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'binary_crossentropy'
EXPECTED_MESSAGE = 'eps added inside the logs'
OPTIONS = ("--contract=tf_keras",)  # classic Keras 2.3 answers this way

@_dispatch.op
def binary_crossentropy(target, output, from_logits=False):
    o = output.astype("float64")
    if from_logits:
        return (np.maximum(o, 0) - o * target + np.log1p(np.exp(-np.abs(o)))).astype(output.dtype)
    eps = np.asarray(epsilon(), output.dtype)
    o = np.clip(output, eps, 1 - eps).astype("float64")
    return (-(target * np.log(o) + (1 - target) * np.log(1 - o))).astype(output.dtype)
