"""Loops over a tensor's first axis: map_fn, foldl, foldr (checks with step
functions written in the backend's ops: suite/test_control_flow.py).

The examples' step functions use only tensor operators, which every backend's
tensors support.
"""

from __future__ import annotations

import numpy as np

from ..calls import call
from .records import Entry, Example


def product(accumulator, x):
    """A fold step: ``accumulator * x``."""
    return accumulator * x


def halve_then_add(accumulator, x):
    """A fold step whose order shows: ``accumulator * 0.5 + x``."""
    return accumulator * 0.5 + x


def double(x):
    """A map step: ``x * 2``."""
    return x * 2.0


CATEGORY = 'control flow'

ROWS = np.array([[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]])

ENTRIES: tuple[Entry, ...] = (
    Entry('map_fn', 'fn, elems, name=None, dtype=None', examples=(
        Example(call(double, ROWS), ROWS * 2, why="fn applied to each row (axis 0), results stacked"),
    )),
    Entry('foldl', 'fn, elems, initializer=None, name=None', examples=(
        Example(call(halve_then_add, ROWS), np.array([5.0, 6.75]),
                why="acc = fn(acc, row), from the first row; no initializer: acc starts as rows[0]"),
        Example(call(halve_then_add, ROWS, np.array([8.0, 8.0])), np.array([6.0, 7.75]),
                why="an initializer is folded in first"),
    )),
    Entry('foldr', 'fn, elems, initializer=None, name=None', examples=(
        Example(call(halve_then_add, ROWS), np.array([2.0, 3.75]),
                why="acc = fn(acc, row), from the last row; no initializer: acc starts as rows[-1]"),
        Example(call(product, np.array([1e-20, 1e-20, 10.0, 10.0, 10.0], dtype='float32')),
                np.array(1e-37, dtype='float32'), dtype='float32',
                why="the Keras 2.3 test: from the right, 1000 * 1e-20 * 1e-20 never underflows float32"),
    )),
)
