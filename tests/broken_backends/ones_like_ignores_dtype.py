"""Broken on purpose: ones_like ignores its dtype argument."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import ones_like as _ones_like

BROKEN_ENTRY = 'ones_like'
EXPECTED_MESSAGE = 'ones_like(x, dtype='


def ones_like(x, dtype=None, name=None):
    return _ones_like(x, name=name)
