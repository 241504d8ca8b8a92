"""Misbehaving on purpose: zeros_like answers a dict (no tensor) whose repr, which the failure message
shows, raises SystemExit."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'zeros_like'
EXPECTED_MESSAGE = "zeros_like answered a _Zeros whose __repr__ raised SystemExit: 5"
OPTIONS: list[str] = []


class _Zeros(dict):
    def __repr__(self):
        raise SystemExit(5)


def zeros_like(x, dtype=None, name=None):
    return _Zeros()
