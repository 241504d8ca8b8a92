"""Broken on purpose: sin reduces its argument by a rounded 2*pi first, inaccurate for large arguments."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'sin'
EXPECTED_MESSAGE = 'worst element'


@_dispatch.op
def sin(x):
    with np.errstate(invalid="ignore"):
        return np.sin(np.fmod(x, np.asarray(2 * np.pi, x.dtype)))
