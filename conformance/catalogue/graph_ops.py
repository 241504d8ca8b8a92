"""Entries acting on the graph around a tensor: stop_gradient, print_tensor, name_scope."""

from __future__ import annotations

from .records import Entry

CATEGORY = 'graph'

ENTRIES: tuple[Entry, ...] = ()
