"""Broken on purpose: transpose swaps only the last two axes (a matrix transpose), not all of them."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'transpose'
EXPECTED_MESSAGE = 'every axis reversed, not only the last two'

@_dispatch.op
def transpose(x):
    return np.swapaxes(x, -1, -2) if x.ndim >= 2 else x
