"""Activations and normalisation."""

from __future__ import annotations

from .records import Entry

CATEGORY = 'nn'

ENTRIES = (
    Entry('tanh', 'x'),
)
