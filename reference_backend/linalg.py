"""Linear algebra."""

from __future__ import annotations

import numpy as np

from .dispatch import op

__all__ = ["dot"]


@op
def dot(x, y):
    """Matrix product with ``numpy.dot`` semantics: the last axis of ``x`` is
    contracted with the second-to-last axis of ``y`` (the only axis when ``y``
    is 1-D), so ``(2, 3) . (4, 3, 5) -> (2, 4, 5)``. Both of rank 2: ``x @ y``.
    The result has the inputs' dtype."""
    return np.dot(x, y)
