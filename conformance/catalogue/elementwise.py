"""Element-wise math and comparisons."""

from __future__ import annotations

import numpy as np

from ..inputs import binary, unary
from .records import Entry, Example, call

CATEGORY = "elementwise math"

ENTRIES: tuple[Entry, ...] = (
    Entry("sqrt", "x", calls=unary(), examples=(
        Example(call(np.array([-1.0, -0.0, 0.0, 4.0])), np.array([0.0, 0.0, 0.0, 2.0]),
                why="negatives are clamped to 0, not NaN"),)),
    Entry("maximum", "x, y", calls=binary()),
)
