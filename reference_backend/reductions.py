"""Reductions over axes (category: reductions)."""

from __future__ import annotations

__all__: list[str] = []
