"""Broken on purpose: foldl folds from the right (it is foldr)."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import foldr as _foldr

BROKEN_ENTRY = 'foldl'
EXPECTED_MESSAGE = 'foldl('


def foldl(fn, elems, initializer=None, name=None):
    return _foldr(fn, elems, initializer, name)
