"""Broken on purpose: update_add adds its increment twice (Adam's step counter runs double).
(Keras 2.3.1 never calls update_sub: its optimizers assign with update, count with update_add.)"""

import numpy as np

from reference_backend import dispatch as _dispatch
from reference_backend.classic import *  # noqa: F401,F403

SCENARIO = "conv_channels_last_adam"
CULPRIT = "update_add"


@_dispatch.op(mutates="x")
def update_add(x, increment):
    x.assign(np.asarray(x) + 2 * np.asarray(increment))
    return x
