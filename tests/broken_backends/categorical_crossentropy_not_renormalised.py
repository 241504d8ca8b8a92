"""Broken on purpose: categorical_crossentropy clips the probabilities without renormalising rows that do not sum
to 1."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'categorical_crossentropy'
EXPECTED_MESSAGE = 'categorical_crossentropy('

@_dispatch.op
def categorical_crossentropy(target, output, from_logits=False, axis=-1):
    if from_logits:
        z = output.astype("float64") - np.max(output, axis=axis, keepdims=True)
        log_p = z - np.log(np.sum(np.exp(z), axis=axis, keepdims=True))
    else:
        log_p = np.log(np.clip(output.astype("float64"), 1e-7, 1 - 1e-7))
    return (-np.sum(target * log_p, axis=axis)).astype(output.dtype)
