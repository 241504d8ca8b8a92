"""A gap of signature only: placeholder calls its ``name`` parameter ``tensor_name`` (Keras passes
``name=`` by keyword). Every check that uses placeholder still works: nothing may be blocked by it."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import placeholder as _placeholder


def placeholder(shape=None, ndim=None, dtype=None, sparse=False, tensor_name=None, ragged=False):
    return _placeholder(shape=shape, ndim=ndim, dtype=dtype, sparse=sparse, name=tensor_name, ragged=ragged)
