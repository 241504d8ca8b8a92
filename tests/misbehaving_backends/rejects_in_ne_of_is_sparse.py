"""Misbehaving on purpose: is_sparse calls int32 tensors sparse, and answers an int whose != calls
hypothesis.assume(False) on that wrong answer, outside any call of an entry, so that hypothesis would
drop exactly the examples that show it."""

import hypothesis as _hypothesis

from reference_backend import *  # noqa: F401,F403
from reference_backend import dtype as _dtype

BROKEN_ENTRY = 'is_sparse'
EXPECTED_MESSAGE = "is_sparse answered a _Flag whose __ne__ raised hypothesis' UnsatisfiedAssumption"
OPTIONS: list[str] = []


class _Flag(int):
    def __ne__(self, other):
        _hypothesis.assume(not self)
        return int(self) != other


def is_sparse(tensor):
    return _Flag(_dtype(tensor) == 'int32')
