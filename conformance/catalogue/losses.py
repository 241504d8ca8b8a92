"""Losses: per-sample cross-entropies."""

from __future__ import annotations

from .records import Entry

CATEGORY = 'losses'

ENTRIES: tuple[Entry, ...] = ()
