"""Broken on purpose: foldr folds from the left (it is foldl)."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import foldl as _foldl

BROKEN_ENTRY = 'foldr'
EXPECTED_MESSAGE = 'foldr('


def foldr(fn, elems, initializer=None, name=None):
    return _foldl(fn, elems, initializer, name)
