"""Broken on purpose: moving_average_update weighs the new value by momentum (swapped)."""

import numpy as np

from reference_backend import dispatch as _dispatch
from reference_backend.classic import *  # noqa: F401,F403

SCENARIO = "batch_normalization_adam"
CULPRIT = "moving_average_update"


@_dispatch.op(mutates="x")
def moving_average_update(x, value, momentum):
    current = np.asarray(x)
    x.assign(current * (1 - momentum) + np.asarray(value) * momentum)
    return x
