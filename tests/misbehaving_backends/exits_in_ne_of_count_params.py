"""Misbehaving on purpose: count_params answers an int whose != calls pytest.exit, which would end the run."""

import pytest as _pytest

from reference_backend import *  # noqa: F401,F403
from reference_backend import count_params as _count_params

BROKEN_ENTRY = 'count_params'
EXPECTED_MESSAGE = "count_params answered a _Count whose __ne__ raised pytest's Exit: counted enough"
OPTIONS: list[str] = []


class _Count(int):
    def __ne__(self, other):
        _pytest.exit('counted enough')


def count_params(x):
    return _Count(_count_params(x))
