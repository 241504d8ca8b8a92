"""Losses: per-sample cross-entropies, no reduction (category: losses)."""

from __future__ import annotations

__all__: list[str] = []
