"""Broken on purpose: placeholder ignores floatx() and is float32 when no dtype is given (a default
float32 run cannot tell)."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import placeholder as _placeholder

BROKEN_ENTRY = 'placeholder'
EXPECTED_MESSAGE = "placeholder after set_floatx('float64'): expected dtype float64, got float32"


def placeholder(shape=None, ndim=None, dtype=None, sparse=False, name=None, ragged=False):
    return _placeholder(shape=shape, ndim=ndim, dtype=dtype or 'float32', sparse=sparse, name=name, ragged=ragged)
