"""Broken on purpose: cast_to_floatx always gives float64."""

import numpy as _np

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'cast_to_floatx'
EXPECTED_MESSAGE = 'expected dtype'


def cast_to_floatx(x):
    return _np.asarray(x, dtype='float64')
