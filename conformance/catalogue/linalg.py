"""Linear algebra: dot, batch_dot, transpose.

Products are drawn from ``small_grid`` values (halves in [-3, 3]): every
product and every sum of a few is exact in float16 too, so backend and
reference agree exactly whatever their summation order, and the default
tolerance judges axes and arithmetic, not rounding.
"""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from ..calls import Call, call
from ..inputs import arrays, floats, small_grid, unary
from .records import Entry, Example

CATEGORY = 'linear algebra'

SIDE = st.integers(0, 3)


@st.composite
def _dot_calls(draw: st.DrawFn, floatx: str) -> Call:
    """``dot(x, y)``, both of rank 2 (a matrix product) or one of rank 3
    (numpy.dot: x's last axis against y's second-to-last)."""
    x_rank, y_rank = draw(st.sampled_from([(2, 2), (2, 3), (3, 2), (3, 3)]))
    n = draw(SIDE)
    x_shape = tuple(draw(SIDE) for _ in range(x_rank - 1)) + (n,)
    y_shape = tuple(draw(SIDE) for _ in range(y_rank - 2)) + (n, draw(SIDE))
    x, y = (draw(arrays(floatx, shape, elements=small_grid(floatx))) for shape in (x_shape, y_shape))
    return call(x, y)


@st.composite
def _batch_dot_calls(draw: st.DrawFn, floatx: str) -> Call:
    """``batch_dot(x, y, axes)`` of ranks 2 to 4 sharing a batch, with axes
    None (the defaults), an int, or a pair, negative ones included."""
    batch, n = draw(SIDE), draw(SIDE)
    x_rank, y_rank = draw(st.integers(2, 4)), draw(st.integers(2, 4))
    form = draw(st.sampled_from(["default", "int", "pair"]))
    if form == "default":
        a0, a1 = x_rank - 1, (1 if y_rank == 2 else y_rank - 2)
    elif form == "int":
        a0 = a1 = draw(st.integers(1, min(x_rank, y_rank) - 1))
    else:
        a0, a1 = draw(st.integers(1, x_rank - 1)), draw(st.integers(1, y_rank - 1))
    x_shape = [batch] + [draw(SIDE) for _ in range(x_rank - 1)]
    y_shape = [batch] + [draw(SIDE) for _ in range(y_rank - 1)]
    x_shape[a0] = y_shape[a1] = n
    x, y = (draw(arrays(floatx, tuple(shape), elements=small_grid(floatx))) for shape in (x_shape, y_shape))
    if form == "default":
        return call(x, y) if draw(st.booleans()) else call(x, y, axes=None)
    negative = draw(st.booleans())
    a0, a1 = (a0 - x_rank, a1 - y_rank) if negative else (a0, a1)
    if form == "int" and not negative:
        return call(x, y, axes=a0)
    return call(x, y, axes=draw(st.sampled_from([(a0, a1), [a0, a1]])))


def _ones(*shape: int) -> np.ndarray:
    return np.ones(shape)


ENTRIES = (
    Entry('dot', 'x, y', calls=_dot_calls, examples=(
        Example(call(np.array([[1.0, 2.0]]), np.array([[[1.0], [0.0]], [[0.0], [1.0]]])),
                np.array([[[1.0], [2.0]]]),
                why="N-D: x's last axis against y's second-to-last: (1, 2) . (2, 2, 1) -> (1, 2, 1)"),
        Example(call(_ones(2, 0), _ones(3, 0, 0)), np.zeros((2, 3, 0)),
                why="an empty contracted axis next to another empty axis: an empty result"),)),
    Entry('batch_dot', 'x, y, axes=None', calls=_batch_dot_calls, examples=(
        Example(call(np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[5.0, 6.0], [7.0, 8.0]])),
                np.array([[17.0], [53.0]]), why="rank-2 inputs, default axes (1, 1): a (batch, 1) result"),
        Example(call(np.array([[[1.0, 2.0], [3.0, 4.0]]]), np.array([[1.0, -1.0]])),
                np.array([[-1.0, -1.0]]), why="y of rank 2: default axes (x.ndim - 1, 1)"),
        Example(call(np.array([[1.0, 2.0]]), np.array([[[1.0, 0.0, 2.0], [0.0, 1.0, 3.0]]])),
                np.array([[1.0, 2.0, 8.0]]), why="y of rank 3: default axes (x.ndim - 1, y.ndim - 2)"),
        Example(call(np.array([[[1.0, 2.0], [3.0, 4.0]]]), np.array([[[1.0, 0.0], [0.0, 2.0], [1.0, 1.0]]]),
                     axes=(-1, -1)),
                np.array([[[1.0, 4.0, 3.0], [3.0, 8.0, 7.0]]]), why="negative axes count from each tensor's end"),
        Example(call(np.zeros((1, 0)), np.zeros((1, 0, 0, 0))), np.zeros((1, 0, 0)),
                why="empty axes: contracting 0 cells, the result keeps the other (empty) axes"),
        Example(call(_ones(2), _ones(2, 2)), raises=ValueError, why="rank below 2"),
        Example(call(_ones(2, 3), _ones(2, 3), axes=0), raises=ValueError, why="contracting the batch axis"),
        Example(call(_ones(2, 3), _ones(2, 3), axes=[[1], [1]]), raises=ValueError, why="nested axes"),
        Example(call(_ones(2, 3), _ones(2, 4), axes=1), raises=ValueError, why="contracted sizes differ"),
    )),
    Entry('transpose', 'x', calls=unary(floats), examples=(
        Example(call(np.arange(6.0).reshape(1, 2, 3)), np.arange(6.0).reshape(1, 2, 3).T,
                why="every axis reversed, not only the last two"),)),
)
