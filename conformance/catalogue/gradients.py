"""Gradients and moving averages of variables."""

from __future__ import annotations

from .records import Entry

CATEGORY = 'graph'

ENTRIES: tuple[Entry, ...] = ()
