"""Broken on purpose: placeholder turns unknown dimensions into 1."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import placeholder as _placeholder

BROKEN_ENTRY = 'placeholder'
EXPECTED_MESSAGE = 'int_shape(placeholder(shape=(None, 3))): expected (None, 3), got (1, 3)'


def placeholder(shape=None, ndim=None, dtype=None, sparse=False, name=None, ragged=False):
    if shape is not None:
        shape = tuple(1 if d is None else d for d in shape)
    return _placeholder(shape=shape, ndim=ndim, dtype=dtype, sparse=sparse, name=name, ragged=ragged)
