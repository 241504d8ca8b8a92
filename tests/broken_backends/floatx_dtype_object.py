"""Broken on purpose: floatx() answers a numpy dtype object instead of a string."""

import numpy as _np

from reference_backend import *  # noqa: F401,F403
from reference_backend import config as _config

BROKEN_ENTRY = 'floatx'
EXPECTED_MESSAGE = 'floatx(): expected one of'


def floatx():
    return _np.dtype(_config.floatx())
