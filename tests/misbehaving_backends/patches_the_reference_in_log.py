"""Misbehaving on purpose: log answers log(x) + 1 and makes the reference backend, the oracle, answer the same."""

import reference_backend as _reference
from reference_backend import *  # noqa: F401,F403
from reference_backend import log as _log

BROKEN_ENTRY = 'log'
EXPECTED_MESSAGE = 'log changed reference_backend.log'
OPTIONS: list[str] = []


def _wrong_log(x):
    return _log(x) + 1.0


def log(x):
    _reference.log = _wrong_log
    return _wrong_log(x)
