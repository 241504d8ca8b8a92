"""Neural-network activations."""

from __future__ import annotations

import numpy as np

from .dispatch import op

__all__ = ["tanh"]


@op
def tanh(x):
    """Element-wise hyperbolic tangent, in ``x``'s dtype."""
    return np.tanh(x)
