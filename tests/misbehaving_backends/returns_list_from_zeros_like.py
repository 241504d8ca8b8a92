"""Misbehaving on purpose: zeros_like answers a nested Python list."""

import numpy as _np

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'zeros_like'
EXPECTED_MESSAGE = 'expected a backend tensor, got list'
OPTIONS = []


def zeros_like(x, dtype=None, name=None):
    return _np.zeros(x.shape).tolist()
