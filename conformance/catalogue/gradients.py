"""Gradients and moving averages of variables (gradients checks: suite/test_gradients.py)."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from ..calls import Call, call
from ..inputs import arrays, floats, shapes
from .records import Entry, Example

CATEGORY = 'graph'

# Momenta where a swapped or debiased formula shows: the ends, a half, and Keras' usual 0.9/0.99.
MOMENTA = (0.0, 1.0, 0.5, 0.9, 0.99)


def _moving_average_calls(floatx: str) -> st.SearchStrategy[Call]:
    """``moving_average_update(x, value, momentum)``: ``x`` and ``value`` of one
    shape, moderate magnitudes (``x - value`` stays finite in float16), a Python momentum."""
    values = floats(floatx, -1000.0, 1000.0)
    momentum = st.sampled_from(MOMENTA) | st.floats(0.0, 1.0)
    return shapes(max_dims=3).flatmap(lambda shape: st.tuples(
        arrays(floatx, shape, elements=values), arrays(floatx, shape, elements=values), momentum)).map(
        lambda xvm: call(*xvm))


ENTRIES: tuple[Entry, ...] = (
    Entry('gradients', 'loss, variables'),
    # Eager route only: the entry assigns to its first argument, which must be a variable.
    Entry('moving_average_update', 'x, value, momentum', calls=_moving_average_calls, routes=('eager',),
          examples=(
              Example(call(np.array([1.0, 2.0]), np.array([3.0, 4.0]), 0.9), np.array([1.2, 2.2]),
                      why="x * momentum + value * (1 - momentum), no zero-debias (tf_keras TF2)"),
              Example(call(np.array([1.0, -2.0]), np.array([3.0, 4.0]), 0.0), np.array([3.0, 4.0]),
                      why="momentum 0 takes the value"),
              Example(call(np.array([0.0]), np.array([10000.0]), 0.99), np.array([100.0]),
                      why="1 - momentum from the Python number: 0.99 rounded to float16 first (0.990234375) "
                          "would make it 1/1024, 2.3% off"),
          )),
)
