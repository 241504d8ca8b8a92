"""Broken on purpose: variable keeps the caller's numpy array as its value (when no cast is needed), so
a later update of the variable (update_add, ...) writes into the caller's data."""

import numpy as _np

from reference_backend import *
from reference_backend import variable as _variable
from reference_backend.dispatch import Variable as _Variable

BROKEN_ENTRY = 'variable'
EXPECTED_MESSAGE = 'after the caller wrote into x: a variable holds its own copy'


class _KeptVariable(_Variable):
    def __init__(self, value, name=None, constraint=None):
        super().__init__(value, name=name, constraint=constraint)
        self._value = value  # the caller's array itself

    def assign(self, value):
        self._value[...] = _np.asarray(value, dtype=self.dtype)


def variable(value, dtype=None, name=None, constraint=None):
    made = _variable(value, dtype=dtype, name=name, constraint=constraint)
    if isinstance(value, _np.ndarray) and value.dtype == made.dtype:
        return _KeptVariable(value, name=made.name, constraint=constraint)
    return made
