"""Reductions over axes."""

from __future__ import annotations

from .records import Entry

CATEGORY = 'reductions'

ENTRIES: tuple[Entry, ...] = ()
