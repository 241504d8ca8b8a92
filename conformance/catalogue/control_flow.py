"""Loops over a tensor's first axis: map_fn, foldl, foldr."""

from __future__ import annotations

from .records import Entry

CATEGORY = 'control flow'

ENTRIES: tuple[Entry, ...] = ()
