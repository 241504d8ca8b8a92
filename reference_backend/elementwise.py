"""Element-wise math and comparisons (category: elementwise math).

Results keep the input's dtype (comparisons answer bool), as tf_keras' do.
"""

from __future__ import annotations

import numpy as np

from .dispatch import op

__all__ = ["sqrt", "maximum"]


@op
def sqrt(x):
    """Element-wise square root with negatives clamped to 0 first: ``sqrt(-1) == 0``,
    never NaN (tf_keras applies ``maximum(x, 0)``; NaN stays NaN)."""
    return np.sqrt(np.where(x < 0, np.zeros((), x.dtype), x))


@op
def maximum(x, y):
    """Element-wise maximum of ``x`` and ``y``, broadcasting; NaN wins."""
    return np.maximum(x, y)
