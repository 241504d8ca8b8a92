"""Broken on purpose: permute_dimensions applies the inverse permutation (x's axis i goes to pattern[i]);
the same for swaps, different for cycles."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'permute_dimensions'
EXPECTED_MESSAGE = 'not the inverse permutation'

@_dispatch.op
def permute_dimensions(x, pattern):
    return np.transpose(x, np.argsort(pattern))
