"""Linear algebra."""

from __future__ import annotations

from .records import Entry

CATEGORY = 'linear algebra'

ENTRIES = (
    Entry('dot', 'x, y'),
)
