"""Graphs: placeholders and functions (checks: suite/test_graph.py)."""

from __future__ import annotations

from .records import Entry

CATEGORY = 'graph'

ENTRIES = (
    Entry('placeholder', 'shape=None, ndim=None, dtype=None, sparse=False, name=None, ragged=False',
          availability='required', newer=('ragged',), reads=('floatx',)),
    Entry('is_placeholder', 'x', availability='classic'),
    Entry('function', 'inputs, outputs, updates=None, name=None', availability='required', newer=('name',)),
)
