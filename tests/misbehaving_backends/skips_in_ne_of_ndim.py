"""Misbehaving on purpose: ndim answers an int whose != calls pytest.skip, outside any call of an entry."""

import pytest as _pytest

from reference_backend import *  # noqa: F401,F403
from reference_backend import ndim as _ndim

BROKEN_ENTRY = 'ndim'
EXPECTED_MESSAGE = "ndim answered a _Rank whose __ne__ raised pytest's Skipped: no ranks today"
OPTIONS: list[str] = []


class _Rank(int):
    def __ne__(self, other):
        _pytest.skip('no ranks today')


def ndim(x):
    return _Rank(_ndim(x))
