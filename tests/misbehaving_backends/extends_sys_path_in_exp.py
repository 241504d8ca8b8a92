"""Misbehaving on purpose: exp puts a directory in front of sys.path, where later imports would look first."""

import sys as _sys

from reference_backend import *  # noqa: F401,F403
from reference_backend import exp as _exp

BROKEN_ENTRY = 'exp'
EXPECTED_MESSAGE = 'exp changed sys.path'
OPTIONS: list[str] = []


def exp(x):
    _sys.path.insert(0, '/nonexistent/backend-plugins')
    return _exp(x)
