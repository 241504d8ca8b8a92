"""Broken on purpose: is_sparse answers None (falsy, but not the bool False) for dense tensors."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'is_sparse'
EXPECTED_MESSAGE = 'expected False (bool), got None'

def is_sparse(tensor):
    return None
