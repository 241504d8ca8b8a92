"""Loops over a tensor's first axis: map_fn, foldl, foldr (category: control flow)."""

from __future__ import annotations

__all__: list[str] = []
