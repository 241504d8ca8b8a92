"""Misbehaving on purpose: cast answers a tensor whose __array__ calls pytest.skip while eval reads it."""

import pytest as _pytest

from reference_backend import *  # noqa: F401,F403
from reference_backend import cast as _cast

BROKEN_ENTRY = 'cast'
EXPECTED_MESSAGE = "cast answered a _Cast whose __array__ raised pytest's Skipped: unreadable"
OPTIONS: list[str] = []


class _Cast:
    def __init__(self, tensor):
        self.tensor = tensor
        self.shape, self.dtype = tensor.shape, tensor.dtype

    def __array__(self, dtype=None, copy=None):
        _pytest.skip('unreadable')


def cast(x, dtype):
    return _Cast(_cast(x, dtype))
