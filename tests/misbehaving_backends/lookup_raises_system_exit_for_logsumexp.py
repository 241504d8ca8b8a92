"""Misbehaving on purpose: the module's __getattr__ (a lazy import) raises SystemExit for logsumexp."""

from reference_backend import *  # noqa: F401,F403

del logsumexp  # noqa: F821 - looked up through __getattr__ below

BROKEN_ENTRY = 'logsumexp'
EXPECTED_MESSAGE = 'looking up logsumexp raised SystemExit: 9'
OPTIONS: list[str] = []


def __getattr__(name):
    if name == 'logsumexp':
        raise SystemExit(9)
    raise AttributeError(name)
