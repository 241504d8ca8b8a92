"""Misbehaving on purpose: sign calls hypothesis.reject() for inputs of rank 2 and more, so hypothesis
would drop those examples and judge sign on the others only."""

import hypothesis as _hypothesis

from reference_backend import *  # noqa: F401,F403
from reference_backend import ndim as _ndim
from reference_backend import sign as _sign

BROKEN_ENTRY = 'sign'
EXPECTED_MESSAGE = "sign raised hypothesis' UnsatisfiedAssumption"
OPTIONS: list[str] = []


def sign(x):
    if _ndim(x) >= 2:
        _hypothesis.reject()
    return _sign(x)
