"""Math the recurrent cells need: ``dot`` (linear algebra), on both routes (``tanh`` is a catalogue record)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import strategies as st

from conformance.compare import assert_close
from conformance.routes import ROUTES, evaluate
from conformance.strategies import given

# (x shape, y shape): numpy.dot contracts x's last axis with y's second-to-last.
DOT_SHAPES = [((2, 3), (3, 4)), ((1, 3), (3, 1)), ((2, 3, 4), (4, 5)), ((2, 3), (4, 3, 5)), ((4, 2), (5, 2, 3))]


@pytest.mark.entry("dot")
@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("x_shape, y_shape", DOT_SHAPES, ids=[f"{a}.{b}" for a, b in DOT_SHAPES])
@given(data=st.data())
def test_dot_follows_numpy_dot(backend, route, x_shape, y_shape, data):
    # Small integers: every summation order gives the exact result, so this pins the
    # axes and shapes; numerical accuracy is judged where tolerances are per entry.
    values = st.integers(-3, 3)
    x = np.array(data.draw(st.lists(values, min_size=int(np.prod(x_shape)), max_size=int(np.prod(x_shape))),
                           label="x"), dtype=backend.floatx()).reshape(x_shape)
    y = np.array(data.draw(st.lists(values, min_size=int(np.prod(y_shape)), max_size=int(np.prod(y_shape))),
                           label="y"), dtype=backend.floatx()).reshape(y_shape)
    assert_close(evaluate(backend, route, backend.dot, x, y, what="dot(x, y)"), np.dot(x, y),
                 f"dot(x of shape {x_shape}, y of shape {y_shape}) by the {route} route")
