"""Broken on purpose: hard_sigmoid uses Keras 3's slope 1/6 (saturating at +-3), not 0.2."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'hard_sigmoid'
EXPECTED_MESSAGE = 'hard_sigmoid('

@_dispatch.op
def hard_sigmoid(x):
    return np.clip(x / 6 + 0.5, 0, 1).astype(x.dtype)
