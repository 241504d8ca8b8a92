"""Random tensors and dropout."""

from __future__ import annotations

from .records import Entry

CATEGORY = 'random'

ENTRIES: tuple[Entry, ...] = ()
