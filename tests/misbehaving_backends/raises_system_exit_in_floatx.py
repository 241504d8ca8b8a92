"""Misbehaving on purpose: floatx raises SystemExit the first time it is called: when the run reads
the configuration it shows in its header, before any check."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import floatx as _floatx

BROKEN_ENTRY = 'floatx'
EXPECTED_MESSAGE = 'floatx() raised SystemExit: 4 when the run read it, before any check'
OPTIONS: list[str] = []

_calls = []


def floatx():
    _calls.append(None)
    if len(_calls) == 1:
        raise SystemExit(4)
    return _floatx()
