"""Gradients of a loss with respect to variables."""

from __future__ import annotations

__all__: list[str] = []
