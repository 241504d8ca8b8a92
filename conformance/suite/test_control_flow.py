"""map_fn, foldl, foldr: loops over axis 0, with step functions written in the backend's own ops.

Each step is written once against a backend ``K`` and runs with the backend
under test's ops and with the reference's; the reference's loop gives the
expected values. Shapes are drawn with different sides, so a loop over another
axis changes the result's shape; fold steps are not commutative
(``acc * 0.5 + f(x)``), so a left fold differs from a right fold.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from hypothesis import strategies as st

from conformance.check import given
from conformance.compare import assert_results
from conformance.inputs import arrays, floats, shapes
from conformance.markers import per_entry
from conformance.reproduction import bound
from conformance.routes import ROUTES, evaluate


def _squash(K: Any, x: Any, *, features: int) -> Any:
    return K.tanh(x) * 2.0 + x


def _project(K: Any, x: Any, *, features: int) -> Any:
    # x is one slice (a matrix): project its last axis with a fixed weight. Its size comes from the
    # caller: inside map_fn a graph backend knows no static shape (int_shape is None on Theano).
    weights = np.linspace(-1.0, 1.0, features * 2).reshape(features, 2)
    return K.dot(x, K.constant(weights))


def _decay(K: Any, accumulator: Any, x: Any) -> Any:
    return accumulator * 0.5 + K.tanh(x)


MAPS: dict[str, tuple[Callable, int]] = {"tanh(x) * 2 + x": (_squash, 1), "x . W": (_project, 3)}


def _values(floatx: str) -> st.SearchStrategy[float]:
    return floats(floatx, -4.0, 4.0)


@pytest.mark.entry("map_fn")
@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("step_name", list(MAPS))
@given(data=st.data())
def test_map_fn_maps_over_the_first_axis(backend, reference, route, step_name, data):
    step, min_rank = MAPS[step_name]
    floatx = backend.settings.floatx
    x = data.draw(arrays(floatx, shapes(min_dims=min_rank, max_dims=3, min_side=1), elements=_values(floatx)),
                  label="elems")
    what = f"map_fn({step_name}, elems of shape {x.shape}) by the {route} route"
    features = x.shape[-1]
    expected = evaluate(reference, "eager", lambda e: reference.map_fn(bound(step, reference, features=features), e),
                        x, what=what)
    found = evaluate(backend, route, lambda e: backend.map_fn(bound(step, backend, features=features), e), x,
                     what=what)
    assert_results(found, expected, what)


@pytest.mark.parametrize("entry", per_entry(("foldl", "foldr")))
@pytest.mark.parametrize("route", ROUTES)
@given(data=st.data())
def test_folds_accumulate_in_order(backend, reference, entry, route, data):
    floatx = backend.settings.floatx
    x = data.draw(arrays(floatx, shapes(min_dims=1, max_dims=3, min_side=1), elements=_values(floatx)), label="elems")
    initial = data.draw(st.none() | arrays(floatx, x.shape[1:], elements=_values(floatx)), label="initializer")
    inputs = (x,) if initial is None else (x, initial)
    what = f"{entry}(acc * 0.5 + tanh(x), elems of shape {x.shape}, " \
           f"initializer={'None' if initial is None else 'a tensor'})" \
           f" by the {route} route"

    def fold(K: Any) -> Callable:
        return lambda *tensors: getattr(K, entry)(bound(_decay, K), *tensors)

    expected = evaluate(reference, "eager", fold(reference), *inputs, what=what)
    assert_results(evaluate(backend, route, fold(backend), *inputs, what=what), expected, what)
