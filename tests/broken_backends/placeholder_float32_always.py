"""Broken on purpose: placeholder ignores its dtype argument."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import placeholder as _placeholder

BROKEN_ENTRY = 'placeholder'
EXPECTED_MESSAGE = 'dtype(placeholder(dtype='


def placeholder(shape=None, ndim=None, dtype=None, sparse=False, name=None, ragged=False):
    return _placeholder(shape=shape, ndim=ndim, dtype='float32', sparse=sparse, name=name, ragged=ragged)
