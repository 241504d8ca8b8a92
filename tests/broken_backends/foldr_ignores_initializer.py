"""Broken on purpose: foldr ignores its initializer (it always starts from the last element)."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import foldr as _foldr

BROKEN_ENTRY = 'foldr'
EXPECTED_MESSAGE = 'foldr('


def foldr(fn, elems, initializer=None, name=None):
    return _foldr(fn, elems, None, name)
