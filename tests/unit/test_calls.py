"""The one walk over nested call arguments."""

from __future__ import annotations

import numpy as np

from conformance.calls import Call, Weights, arrays_in, call, map_arrays


def test_map_arrays_replaces_arrays_at_any_depth_and_keeps_the_rest():
    x, y, z = np.zeros(1), np.ones(2), np.full(3, 2.0)
    structure = (x, [y, {"k": z, "n": 4}], "axis", None)
    mapped = map_arrays(structure, lambda a: a.size)
    assert mapped == (1, [2, {"k": 3, "n": 4}], "axis", None)
    assert [a.size for a in arrays_in(structure)] == [1, 2, 3]


def test_calls_are_walked_too_and_weights_keep_their_kind():
    kernel = np.ones((2, 2)).view(Weights)
    copied = map_arrays(call(np.zeros(2), kernel, strides=(1, 1)), lambda a: a.copy())
    assert isinstance(copied, Call) and copied.kwargs == {"strides": (1, 1)}
    assert isinstance(copied.args[1], Weights) and copied.args[1] is not kernel


def test_a_call_renders_small_arrays_by_value_and_large_ones_by_shape():
    text = call(np.array([1.0, 2.0]), np.zeros((5, 5), "float32"), axis=-1).render("sum")
    assert text == "sum([1., 2.], array(shape=(5, 5), dtype=float32), axis=-1)"
