"""Connectionist temporal classification: labels, loss, decoding (category: ctc)."""

from __future__ import annotations

__all__: list[str] = []
