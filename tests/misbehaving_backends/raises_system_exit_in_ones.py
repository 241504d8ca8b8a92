"""Misbehaving on purpose: ones raises SystemExit."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'ones'
EXPECTED_MESSAGE = 'raised SystemExit'
OPTIONS = []


def ones(shape, dtype=None, name=None):
    raise SystemExit(7)
