"""Convolutions, pooling, bias and resizing (category: conv/pool)."""

from __future__ import annotations

__all__: list[str] = []
