"""Gradients and moving averages of variables (gradients checks: suite/test_gradients.py)."""

from __future__ import annotations

from .records import Entry

CATEGORY = 'graph'

ENTRIES: tuple[Entry, ...] = (
    Entry('gradients', 'loss, variables'),
    # Judged in suite/test_tensors.py: the variable moves once the update takes effect, which differs by family.
    Entry('moving_average_update', 'x, value, momentum'),
)
