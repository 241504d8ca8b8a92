"""Convolution, pooling, bias and resizing."""

from __future__ import annotations

from .records import Entry

CATEGORY = 'conv and pooling'

ENTRIES: tuple[Entry, ...] = ()
