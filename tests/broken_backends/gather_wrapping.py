"""Broken on purpose: gather wraps out-of-range indices around (modulo the length) instead of raising."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'gather'
EXPECTED_MESSAGE = 'an index past the end is an error, not wrapped'

@_dispatch.op
def gather(reference, indices):
    return np.take(reference, indices, axis=0, mode="wrap")
