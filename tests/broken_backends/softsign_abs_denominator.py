"""Broken on purpose: softsign divides by |1 + x| instead of 1 + |x|."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'softsign'
EXPECTED_MESSAGE = 'softsign('

@_dispatch.op
def softsign(x):
    with np.errstate(divide="ignore", invalid="ignore"):
        return (x / np.abs(1 + x)).astype(x.dtype)
