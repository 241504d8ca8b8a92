"""Choosing between tensors: switch and the learning-phase selectors."""

from __future__ import annotations

from .records import Entry

CATEGORY = 'control flow'

ENTRIES: tuple[Entry, ...] = ()
