"""variables and tensors: creation, dtypes, values, updates, introspection.

Dtypes follow tf_keras: with ``dtype=None`` every creator uses ``floatx()``
(integer input included); the ``*_like`` creators keep their argument's dtype.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import strategies as st

from conformance.calls import render_value
from conformance.check import given
from conformance.compare import Mismatch, as_numpy, assert_close, assert_equal, expect_raises, tolerance
from conformance.families import CLASSIC, TF_KERAS, Answer, agree, attempt, either
from conformance.inputs import arrays, floats, shapes
from conformance.markers import entry_param
from conformance.routes import ROUTES, evaluate, read

DTYPES = ("float16", "float32", "float64", "int32", "int64", "bool")
LIKE_CREATORS = [entry_param("zeros_like", "zeros_like", 0), entry_param("ones_like", "ones_like", 1)]


def as_floatx(backend, x):
    with np.errstate(over="ignore"):
        return np.asarray(x).astype(backend.settings.floatx)


# -- creators -----------------------------------------------------------------------------

@pytest.mark.entry("variable")
@given(x=arrays("float64"))
def test_variable_holds_its_value_in_floatx(backend, x):
    assert_close(read(backend, backend.variable(x), "variable(x)"), as_floatx(backend, x), "eval(variable(x))")


@pytest.mark.entry("variable")
@given(x=st.sampled_from(["float32", "float64", "int32"]).flatmap(lambda dtype: arrays(dtype, shapes(min_side=1))))
def test_variable_holds_its_own_copy(backend, x):
    # tf.Variable and Theano's shared variables copy their initial value. A variable that kept the caller's
    # array would let an update of the variable (update_add, ...) write into the caller's data: judged
    # here, on variable, where the fault is; no cast needed (dtype=x's) is where a backend could keep it.
    caller = x.copy()
    tensor = backend.variable(caller, dtype=caller.dtype.name)
    caller[...] = np.where(caller == 0, 1, 0)  # every element changes
    assert_close(read(backend, tensor, "variable(x)"), x,
                 "eval(variable(x, dtype=x.dtype)) after the caller wrote into x: a variable holds its own copy")


@pytest.mark.entry("variable")
@pytest.mark.parametrize("value", [np.arange(3), [1, 2], 7, np.ones(2, "float16")],
                         ids=["int-array", "list", "int", "float16"])
def test_variable_dtype_defaults_to_floatx(backend, value):
    assert_equal(backend.dtype(backend.variable(value)), backend.settings.floatx, f"dtype(variable({value!r}))")


@pytest.mark.entry("variable")
@pytest.mark.parametrize("dtype", DTYPES)
def test_variable_explicit_dtype(backend, dtype):
    value = np.array([[0, 1], [2, 3]])
    tensor = backend.variable(value, dtype=dtype, name="conformance_weight")
    assert_equal(backend.dtype(tensor), dtype, f"dtype(variable(x, dtype={dtype!r}))")
    assert_close(read(backend, tensor, "variable(x)"), value.astype(dtype), f"eval(variable(x, dtype={dtype!r}))")


@pytest.mark.entry("constant")
@given(x=arrays("float64"))
def test_constant_holds_its_value_in_floatx(backend, x):
    assert_close(read(backend, backend.constant(x), "constant(x)"), as_floatx(backend, x), "eval(constant(x))")


@pytest.mark.entry("constant")
@pytest.mark.parametrize("dtype", DTYPES)
def test_constant_explicit_dtype(backend, dtype):
    value = np.array([0, 1, 2])
    tensor = backend.constant(value, dtype=dtype)
    assert_equal(backend.dtype(tensor), dtype, f"dtype(constant(x, dtype={dtype!r}))")
    assert_close(read(backend, tensor, "constant(x)"), value.astype(dtype), f"eval(constant(x, dtype={dtype!r}))")


@pytest.mark.entry("constant")
def test_constant_scalar_fills_shape(backend):
    result = read(backend, backend.constant(2.5, shape=(2, 3)), "constant(2.5, shape=(2, 3))")
    assert_close(result, np.full((2, 3), 2.5, backend.settings.floatx), "eval(constant(2.5, shape=(2, 3)))")


@pytest.mark.parametrize("creator, fill", [entry_param("zeros", "zeros", 0), entry_param("ones", "ones", 1)])
@given(shape=shapes(min_side=1))
def test_zeros_ones_fill_a_floatx_variable(backend, creator, fill, shape):
    tensor = getattr(backend, creator)(shape)
    assert_close(read(backend, tensor, f"{creator}({shape})"), np.full(shape, fill, backend.settings.floatx),
                 f"eval({creator}({shape}))")


@pytest.mark.parametrize("creator", [entry_param("zeros", "zeros"), entry_param("ones", "ones")])
def test_zeros_ones_make_variables(backend, creator):
    # A variable is what set_value accepts: judged by behaviour, not by is_variable (tf_keras lacks it).
    tensor = getattr(backend, creator)((2, 3))
    try:
        backend.set_value(tensor, np.full((2, 3), 7.0))
    except Exception as error:
        raise Mismatch(f"{creator}((2, 3)) must return a variable, but set_value on it raised "
                       f"{type(error).__name__}: {error}") from None
    assert_close(backend.get_value(tensor), np.full((2, 3), 7.0, backend.settings.floatx),
                 f"get_value({creator}((2, 3))) after set_value")


@pytest.mark.parametrize("creator, fill", [entry_param("zeros", "zeros", 0), entry_param("ones", "ones", 1)])
@pytest.mark.parametrize("dtype", DTYPES)
def test_zeros_ones_explicit_dtype(backend, creator, fill, dtype):
    tensor = getattr(backend, creator)((2, 3), dtype=dtype)
    assert_close(read(backend, tensor, f"{creator}((2, 3))"), np.full((2, 3), fill, dtype),
                 f"eval({creator}((2, 3), dtype={dtype!r}))")


@pytest.mark.entry("eye")
@pytest.mark.parametrize("size", [1, 3])
@pytest.mark.parametrize("dtype", [None, "float64", "int32"])
def test_eye_is_the_identity(backend, size, dtype):
    result = read(backend, backend.eye(size, dtype=dtype), f"eye({size})")
    assert_close(result, np.eye(size, dtype=dtype or backend.settings.floatx), f"eval(eye({size}, dtype={dtype!r}))")


@pytest.mark.parametrize("creator, fill", LIKE_CREATORS)
@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("dtype", ["float32", "float64", "int32"])
def test_like_creators_default_dtype(backend, creator, fill, route, dtype):
    # tf_keras keeps x's dtype; classic Keras 2.3 makes floatx (TF231 tf.zeros_like(x, dtype=dtype or floatx()),
    # Theano and numpy_backend alike, whatever its docstring says).
    x = np.arange(6).reshape(2, 3).astype(dtype)
    found = attempt(lambda: evaluate(backend, route, getattr(backend, creator), x, what=f"{creator}(x)"))
    answers = [(TF_KERAS, Answer(np.full(x.shape, fill, dtype))),
               (CLASSIC, Answer(np.full(x.shape, fill, backend.settings.floatx)))]
    what = f"{creator}(x of dtype {dtype}) by the {route} route"
    backend.check.follow(f"{creator}'s default dtype", agree(found, answers, backend.contract, what))


@pytest.mark.parametrize("creator, fill", LIKE_CREATORS)
@pytest.mark.parametrize("dtype", ["float16", "int64"])
def test_like_creators_explicit_dtype(backend, creator, fill, dtype):
    x = np.zeros((3, 1), "float32")
    result = read(backend, getattr(backend, creator)(backend.variable(x), dtype=dtype),
                  f"{creator}(x, dtype={dtype!r})")
    assert_close(result, np.full(x.shape, fill, dtype), f"{creator}(x, dtype={dtype!r})")


@pytest.mark.entry("identity")
@pytest.mark.parametrize("route", ROUTES)
@given(x=arrays("float32", shape=shapes(min_dims=1)))
def test_identity_keeps_the_value(backend, route, x):
    assert_close(evaluate(backend, route, backend.identity, x, what="identity(x)"), x,
                 f"identity(x) by the {route} route")


@pytest.mark.entry("cast")
@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("dtype", ["float16", "float32", "float64", "int32"])
@given(x=arrays("float32", shape=shapes(min_dims=1), finite=True).map(lambda a: np.clip(a, -1e4, 1e4)))
def test_cast_converts_floats(backend, route, dtype, x):
    expected = np.trunc(x).astype(dtype) if dtype == "int32" else x.astype(dtype)  # toward zero
    assert_close(evaluate(backend, route, lambda t: backend.cast(t, dtype), x, what=f"cast(x, {dtype!r})"), expected,
                 f"cast(x, {dtype!r}) by the {route} route")


@pytest.mark.entry("cast")
@pytest.mark.parametrize("route", ROUTES)
def test_cast_truncates_toward_zero(backend, route):
    x = np.array([-2.7, -1.5, -0.5, 0.5, 1.5, 2.7], "float32")
    assert_close(evaluate(backend, route, lambda t: backend.cast(t, "int32"), x, what="cast(x, 'int32')"),
                 np.array([-2, -1, 0, 0, 1, 2], "int32"), f"cast(x, 'int32') by the {route} route")


@pytest.mark.entry("cast")
@pytest.mark.parametrize("route", ROUTES)
def test_cast_booleans_to_numbers(backend, route):
    x = np.array([True, False, True])
    assert_close(evaluate(backend, route, lambda t: backend.cast(t, "int32"), x, what="cast(x, 'int32')"),
                 np.array([1, 0, 1], "int32"),
                 f"cast(bool x, 'int32') by the {route} route")


# -- reading and writing values ---------------------------------------------------------

@pytest.mark.entry("eval")
@pytest.mark.parametrize("creator", ["variable", "constant"])
@given(x=arrays("float32"))
def test_eval_returns_a_numpy_copy_of_the_value(backend, creator, x):
    result = read(backend, getattr(backend, creator)(x, dtype="float32"), f"{creator}(x)")
    assert_close(result, x, f"eval({creator}(x))")


@pytest.mark.entry("get_value")
@given(x=arrays("float32"))
def test_get_value_of_a_variable(backend, x):
    assert_close(backend.get_value(backend.variable(x, dtype="float32")), x, "get_value(variable(x))")


@pytest.mark.entry("batch_get_value")
def test_batch_get_value_returns_a_list(backend):
    values = [np.arange(4.0).reshape(2, 2), np.array(5.0)]
    result = backend.batch_get_value([backend.variable(v, dtype="float64") for v in values])
    if not isinstance(result, list) or len(result) != 2:
        raise Mismatch(f"batch_get_value([v1, v2]): expected a list of 2 values, got {result!r:.80}")
    for index, (got, want) in enumerate(zip(result, values)):
        assert_close(got, want, f"batch_get_value([v1, v2])[{index}]")


@pytest.mark.entry("set_value")
@given(x=arrays("float64", shape=st.just((2, 3))))
def test_set_value_casts_to_the_variable_dtype(backend, x):
    variable = backend.variable(np.zeros((2, 3)), dtype="float32")
    backend.set_value(variable, x)
    with np.errstate(over="ignore"):
        expected = x.astype("float32")
    assert_close(backend.get_value(variable), expected, "get_value(v) after set_value(v, x)")


@pytest.mark.entry("set_value")
def test_set_value_accepts_lists(backend):
    variable = backend.variable(np.zeros((2, 2)), dtype="float32")
    backend.set_value(variable, [[5, 6], [7, 8]])
    assert_close(backend.get_value(variable), np.array([[5, 6], [7, 8]], "float32"),
                 "get_value(v) after set_value(v, list)")


@pytest.mark.entry("set_value")
def test_set_value_rejects_another_shape(backend):
    variable = backend.variable(np.zeros((2, 2)), dtype="float32")
    with expect_raises(Exception, "set_value(v of shape (2, 2), value of shape (3, 3))"):
        backend.set_value(variable, np.zeros((3, 3)))


@pytest.mark.entry("batch_set_value")
def test_batch_set_value_assigns_each_pair(backend):
    a = backend.variable(np.zeros(2), dtype="float32")
    b = backend.variable(np.zeros((1, 2)), dtype="int32")
    backend.batch_set_value([(a, np.array([1.5, 2.5])), (b, np.array([[3, 4]]))])
    assert_close(backend.get_value(a), np.array([1.5, 2.5], "float32"), "get_value(a) after batch_set_value")
    assert_close(backend.get_value(b), np.array([[3, 4]], "int32"), "get_value(b) after batch_set_value")


def _takes_effect(backend, start, update, expected, entry, what, rtol=None):
    """``update(variable)`` makes ``variable`` (created from ``start``) hold ``expected``: at once
    (tf_keras), or once ``function([], [v * 1.0], updates=[...])`` runs the update it answers (classic
    Keras 2.3: a TF op, or Theano's ``(variable, new value)`` pair; Keras' optimizers and BatchNormalization
    pass them so). The function has an output, as every function Keras builds does (its training function
    fetches the loss): a TF function runs its updates under a control dependency on its first output
    (``with tf.control_dependencies([self.outputs[0]])`` in tf_keras' GraphExecutionFunction), so one
    without outputs is refused with an IndexError. Notes the way followed."""
    def at_once() -> None:
        variable = backend.variable(start, dtype=start.dtype.name)
        update(variable)
        assert_close(backend.get_value(variable), expected, f"get_value(v) after {what}", rtol=rtol)

    def through_function() -> None:
        variable = backend.variable(start, dtype=start.dtype.name)
        backend.function([], [variable * 1.0], updates=[update(variable)])([])
        assert_close(backend.get_value(variable), expected,
                     f"get_value(v) after function([], [v * 1.0], updates=[{what}])([])", rtol=rtol)

    backend.check.follow(f"{entry} applied", either([(TF_KERAS, at_once), (CLASSIC, through_function)],
                                                    backend.contract, what))


@pytest.mark.parametrize("entry, operation", [
    entry_param("update", "update", lambda a, b: b),
    entry_param("update_add", "update_add", np.add),
    entry_param("update_sub", "update_sub", np.subtract),
])
@given(a=arrays("float64", shape=st.just((3, 2)), finite=True), b=arrays("float64", shape=st.just((3, 2)), finite=True))
def test_updates_change_the_variable(backend, entry, operation, a, b):
    _takes_effect(backend, a, lambda variable: getattr(backend, entry)(variable, b), operation(a, b), entry,
                  f"{entry}(v, x)")


MOMENTA = (0.0, 1.0, 0.5, 0.9, 0.99)


@st.composite
def _moving_averages(draw, floatx: str):
    """``(x, value, momentum)``: ``x`` and ``value`` of one shape, moderate magnitudes (``x - value``
    stays finite in float16), a Python momentum."""
    shape = draw(shapes(max_dims=3))
    values = floats(floatx, -1000.0, 1000.0)
    x, value = (draw(arrays(floatx, shape, elements=values)) for _ in range(2))
    return x, value, draw(st.sampled_from(MOMENTA) | st.floats(0.0, 1.0))


def _moving_average(backend, reference, x, value, momentum, expected=None):
    """``moving_average_update(v, value, momentum)`` moves ``v`` to ``v * momentum + value * (1 - momentum)``
    (no zero-debias: tf_keras TF2, Keras 2.3.1 on TF and Theano), ``value`` a tensor, as BatchNormalization
    passes it; ``expected`` defaults to the reference's answer. Within the floatx tolerance of the
    terms, not of the result: the two ways Keras 2 writes the formula (tf_keras' and TF's
    ``x - (x - value) * (1 - momentum)``, Theano's ``x * momentum + value * (1 - momentum)``) each
    round to a few units of the last place of ``|x| * momentum + |x - value| * (1 - momentum)``,
    which a result small beside them cannot show: x = 57, value = 0, momentum 1e-5 is 0.00057220
    one way and 0.00057000 the other in float32."""
    if expected is None:
        held = reference.variable(x, dtype=x.dtype.name)
        reference.moving_average_update(held, reference.variable(value, dtype=value.dtype.name), momentum)
        expected = reference.get_value(held)
    def update(variable):
        return backend.moving_average_update(variable, backend.variable(value, dtype=value.dtype.name), momentum)

    wide = x.astype(np.float64)
    terms = np.abs(wide) * momentum + np.abs(wide - value) * (1 - momentum)
    # The loosest element's ratio of terms to result, applied to all (assert_close takes one tolerance).
    ratio = np.max((1 + terms) / (1 + np.abs(np.asarray(expected, np.float64))), initial=1.0)
    _takes_effect(backend, x, update, expected, "moving_average_update",
                  f"moving_average_update(v, {render_value(value)}, {momentum!r})",
                  rtol=tolerance(x.dtype) * float(ratio))


@pytest.mark.entry("moving_average_update")
@given(data=st.data())
def test_moving_average_update_moves_the_variable(backend, reference, data):
    _moving_average(backend, reference, *data.draw(_moving_averages(backend.settings.floatx), label="call"))


@pytest.mark.entry("moving_average_update")
@pytest.mark.parametrize("x, value, momentum, expected", [
    pytest.param([1.0, 2.0], [3.0, 4.0], 0.9, [1.2, 2.2], id="no zero-debias"),
    pytest.param([1.0, -2.0], [3.0, 4.0], 0.0, [3.0, 4.0], id="momentum 0 takes the value"),
    # 0.99 rounded to float16 first (0.990234375) would make 1 - momentum 1/1024, 2.3% off.
    pytest.param([0.0], [10000.0], 0.99, [100.0], id="1 - momentum from the Python number"),
])
def test_moving_average_update_example(backend, reference, x, value, momentum, expected):
    floatx = backend.settings.floatx
    _moving_average(backend, reference, np.array(x, floatx), np.array(value, floatx), momentum,
                    np.array(expected, floatx))


# -- introspection --------------------------------------------------------------------------

@pytest.mark.entry("shape")
@pytest.mark.parametrize("route", ROUTES)
@given(x=arrays("float32", shape=shapes(min_dims=1)))
def test_shape_gives_the_dimensions(backend, route, x):
    result = as_numpy(evaluate(backend, route, backend.shape, x, what="shape(x)"), f"shape(x) by the {route} route")
    if result.dtype.kind not in "iu" or result.tolist() != list(x.shape):
        raise Mismatch(f"shape(x) by the {route} route: expected integers {list(x.shape)}, "
                       f"got {result.tolist()} ({result.dtype.name})")


STATIC_SHAPE = [entry_param("int_shape", "int_shape", tuple, id="int_shape"),
                entry_param("ndim", "ndim", len, id="ndim"),
                # Classic Keras' older name for int_shape (skipped when absent).
                entry_param("get_variable_shape", "get_variable_shape", tuple, id="get_variable_shape")]


@pytest.mark.parametrize("entry, expected", STATIC_SHAPE)
@given(shape=shapes())
def test_static_shape_of_a_variable(backend, entry, expected, shape):
    answer = getattr(backend, entry)(backend.variable(np.zeros(shape)))
    assert_equal(answer, expected(shape), f"{entry}(variable of shape {shape})")


@pytest.mark.parametrize("entry, expected", STATIC_SHAPE)
def test_static_shape_of_a_placeholder_keeps_unknown_dimensions(backend, entry, expected):
    shape = (None, 2, 3)
    assert_equal(getattr(backend, entry)(backend.placeholder(shape=shape)), expected(shape),
                 f"{entry}(placeholder(shape={shape}))")


@pytest.mark.entry("dtype")
@pytest.mark.parametrize("dtype", DTYPES)
def test_dtype_is_a_string(backend, dtype):
    made = backend.variable(np.zeros(2), dtype=dtype)
    assert_equal(backend.dtype(made), dtype, f"dtype(variable(x, dtype={dtype!r}))")
    made = backend.constant(np.zeros(2), dtype=dtype)
    assert_equal(backend.dtype(made), dtype, f"dtype(constant(x, dtype={dtype!r}))")
    made = backend.placeholder(shape=(2,), dtype=dtype)
    assert_equal(backend.dtype(made), dtype, f"dtype(placeholder(dtype={dtype!r}))")


@pytest.mark.entry("is_variable")
def test_is_variable(backend):
    assert_equal(bool(backend.is_variable(backend.variable(np.zeros(2)))), True, "is_variable(variable(x))")
    assert_equal(bool(backend.is_variable(backend.constant(np.zeros(2)))), False, "is_variable(constant(x))")
    assert_equal(bool(backend.is_variable(np.zeros(2))), False, "is_variable(numpy array)")


@pytest.mark.entry("is_tensor")
def test_is_tensor(backend):
    for creator in ("variable", "constant"):
        assert_equal(bool(backend.is_tensor(getattr(backend, creator)(np.zeros(2)))), True, f"is_tensor({creator}(x))")
    assert_equal(bool(backend.is_tensor(backend.placeholder(shape=(2,)))), True, "is_tensor(placeholder(...))")
    assert_equal(bool(backend.is_tensor(np.zeros(2))), False, "is_tensor(numpy array)")
    assert_equal(bool(backend.is_tensor(1.5)), False, "is_tensor(1.5)")


@pytest.mark.entry("count_params")
@given(shape=shapes())
def test_count_params_is_the_number_of_elements(backend, shape):
    count = backend.count_params(backend.variable(np.zeros(shape)))
    if count != int(np.prod(shape)):
        raise Mismatch(f"count_params(variable of shape {shape}): expected {int(np.prod(shape))}, got {count!r}")
