"""Broken on purpose: placeholder ignores ndim and gives a tensor of unknown rank."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import placeholder as _placeholder

BROKEN_ENTRY = 'placeholder'
EXPECTED_MESSAGE = 'int_shape(placeholder(ndim=2))'


def placeholder(shape=None, ndim=None, dtype=None, sparse=False, name=None, ragged=False):
    return _placeholder(shape=shape, dtype=dtype, sparse=sparse, name=name, ragged=ragged)
