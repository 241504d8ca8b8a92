"""graph: placeholders and function (inputs, outputs, updates)."""

from __future__ import annotations

import numpy as np
import pytest

from conformance.compare import Mismatch, assert_close, assert_equal, expect_raises


@pytest.mark.entry("placeholder")
@pytest.mark.parametrize("shape", [(None, 3), (2, 3), (None,), ()])
def test_placeholder_shape(backend, shape):
    assert_equal(backend.int_shape(backend.placeholder(shape=shape)), shape, f"int_shape(placeholder(shape={shape}))")


@pytest.mark.entry("placeholder")
def test_placeholder_ndim_gives_unknown_dimensions(backend):
    assert_equal(backend.int_shape(backend.placeholder(ndim=2)), (None, None), "int_shape(placeholder(ndim=2))")


@pytest.mark.entry("placeholder")
@pytest.mark.parametrize("dtype", [None, "float64", "int32"])
def test_placeholder_dtype(backend, dtype):
    expected = dtype or backend.settings.floatx
    assert_equal(backend.dtype(backend.placeholder(shape=(None, 2), dtype=dtype)), expected,
                 f"dtype(placeholder(dtype={dtype!r}))")


@pytest.mark.entry("is_placeholder")
def test_is_placeholder(backend):
    assert_equal(bool(backend.is_placeholder(backend.placeholder(shape=(2,)))), True,
                 "is_placeholder(placeholder(...))")
    assert_equal(bool(backend.is_placeholder(backend.variable(np.zeros(2)))), False, "is_placeholder(variable(x))")
    assert_equal(bool(backend.is_placeholder(backend.constant(np.zeros(2)))), False, "is_placeholder(constant(x))")


def _feed(f, values):
    outputs = f(values)
    if not isinstance(outputs, (list, tuple)):
        raise Mismatch(f"function(inputs, [outputs])(values): expected a list of numpy arrays, "
                       f"got {type(outputs).__name__}")
    return outputs


@pytest.mark.entry("function")
def test_function_evaluates_several_inputs_and_outputs(backend):
    a = backend.placeholder(shape=(None, 3))
    b = backend.placeholder(shape=(None, 3))
    f = backend.function([a, b], [a + b, a * b - 1.0])
    x = np.arange(6, dtype=backend.settings.floatx).reshape(2, 3)
    y = np.full((2, 3), 2, dtype=backend.settings.floatx)
    outputs = _feed(f, [x, y])
    assert_equal(len(outputs), 2, "number of outputs of function([a, b], [a + b, a * b - 1])")
    assert_close(outputs[0], x + y, "function([a, b], [a + b, ...])([x, y])[0]")
    assert_close(outputs[1], x * y - 1, "function([a, b], [..., a * b - 1])([x, y])[1]")


@pytest.mark.entry("function")
def test_function_takes_new_values_on_every_call(backend):
    p = backend.placeholder(shape=(None,))
    f = backend.function([p], [p * 2.0])
    for n in (1, 4):
        x = np.arange(n, dtype=backend.settings.floatx)
        assert_close(_feed(f, [x])[0], x * 2, f"function([p], [p * 2])([x of length {n}])[0]")


@pytest.mark.entry("function")
def test_function_applies_pair_updates(backend):
    p = backend.placeholder(shape=(3,))
    v = backend.variable(np.zeros(3))
    f = backend.function([p], [p * 1.0], updates=[(v, v + p)])
    x = np.array([1.0, 2.0, 3.0], dtype=backend.settings.floatx)
    _feed(f, [x])
    _feed(f, [x])
    assert_close(backend.get_value(v), 2 * x,
                 "get_value(v) after two calls of function([p], [..], updates=[(v, v + p)])")


@pytest.mark.entry("function")
def test_function_applies_update_ops(backend):
    p = backend.placeholder(shape=(3,))
    v = backend.variable(np.zeros(3))
    f = backend.function([p], [p * 1.0], updates=[backend.update_add(v, p)])
    x = np.array([1.0, 2.0, 3.0], dtype=backend.settings.floatx)
    _feed(f, [x])
    assert_close(backend.get_value(v), x, "get_value(v) after function([p], [..], updates=[update_add(v, p)])")


@pytest.mark.entry("function")
def test_function_rejects_unknown_keyword_arguments(backend):
    p = backend.placeholder(shape=(3,))
    with expect_raises(ValueError, "function([p], [p], conformance_unknown_argument=1)"):
        backend.function([p], [p], conformance_unknown_argument=1)
