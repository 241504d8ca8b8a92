"""Choosing between tensors: switch and the learning-phase selectors."""

from __future__ import annotations

__all__: list[str] = []
