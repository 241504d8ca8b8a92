"""Entries that act on the graph around a tensor: stop_gradient, print_tensor, name_scope."""

from __future__ import annotations

__all__: list[str] = []
