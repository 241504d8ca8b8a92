"""Broken on purpose: square is written ``x * abs(x)``, keeping the sign of negative inputs."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'square'
EXPECTED_MESSAGE = 'worst element'


@_dispatch.op
def square(x):
    with np.errstate(over="ignore"):
        return x * np.abs(x)
