"""Shape manipulation: reshaping, joining, padding, indexing (category: shape manipulation)."""

from __future__ import annotations

__all__: list[str] = []
