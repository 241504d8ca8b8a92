"""Shape manipulation: reshaping, joining, padding, indexing."""

from __future__ import annotations

from .records import Entry

CATEGORY = 'shape manipulation'

ENTRIES: tuple[Entry, ...] = ()
