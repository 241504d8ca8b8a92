"""Broken on purpose: moving_average_update divides by (1 - momentum), as a first debiased step would."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'moving_average_update'
EXPECTED_MESSAGE = 'moving_average_update('


@_dispatch.op(mutates="x")
def moving_average_update(x, value, momentum):
    current = np.asarray(x)
    if momentum < 1:
        x.assign((current * momentum + np.asarray(value) * (1 - momentum)) / (1 - momentum))
    return x
