"""Random tensors and dropout (category: random)."""

from __future__ import annotations

__all__: list[str] = []
