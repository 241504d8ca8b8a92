"""Broken on purpose: is_tensor answers True for numpy arrays too."""

import numpy as _np

from reference_backend import *  # noqa: F401,F403
from reference_backend import is_tensor as _is_tensor

BROKEN_ENTRY = 'is_tensor'
EXPECTED_MESSAGE = 'is_tensor(numpy array): expected False'


def is_tensor(x):
    return _is_tensor(x) or isinstance(x, _np.ndarray)
