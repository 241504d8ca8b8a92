"""Connectionist temporal classification."""

from __future__ import annotations

from .records import Entry

CATEGORY = 'ctc'

ENTRIES: tuple[Entry, ...] = ()
