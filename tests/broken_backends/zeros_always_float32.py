"""Broken on purpose: zeros ignores floatx() and always makes float32 (a default float32 run cannot tell)."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import variable as _variable

BROKEN_ENTRY = 'zeros'
EXPECTED_MESSAGE = "zeros after set_floatx('float64'): expected dtype float64, got float32"


def zeros(shape, dtype=None, name=None):
    import numpy as np
    return _variable(np.zeros(shape), dtype=dtype or 'float32', name=name)
