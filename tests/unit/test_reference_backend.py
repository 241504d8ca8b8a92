"""The reference backend's deferred graphs: what the suite's checks rely on but do not spell out."""

from __future__ import annotations

import numpy as np
import pytest

import reference_backend as K
import reference_backend.classic as classic


def test_graph_nodes_infer_static_shape_and_dtype():
    p = K.placeholder(shape=(None, 3))
    node = K.cast(p * 2.0 + 1.0, "int32")
    assert K.int_shape(node) == (None, 3)
    assert K.dtype(node) == "int32"
    assert K.is_keras_tensor(node)


def test_an_error_with_known_shapes_is_raised_when_the_graph_is_built():
    with pytest.raises(ValueError):
        K.placeholder(shape=(2, 3)) + K.variable(np.zeros(4))


def test_building_an_update_op_assigns_nothing_until_the_function_runs():
    v = K.variable(np.zeros(3))
    p = K.placeholder(shape=(None, 3))
    f = K.function([p], [v * 1.0], updates=[K.update_add(v, p[0])])
    np.testing.assert_array_equal(K.get_value(v), np.zeros(3))
    (before,) = f([np.ones((2, 3))])
    np.testing.assert_array_equal(before, np.zeros(3))
    np.testing.assert_array_equal(K.get_value(v), np.ones(3))


def test_graphs_read_variables_when_they_run():
    v = K.variable(np.ones(2))
    p = K.placeholder(shape=(2,))
    f = K.function([p], [p + v])
    K.set_value(v, np.full(2, 5.0))
    np.testing.assert_array_equal(f([np.zeros(2)])[0], np.full(2, 5.0))


def test_classic_ops_on_a_variable_read_it_each_time_the_function_runs():
    """Keras 2.3.1's SGD writes ``momentum * m - lr * g`` on its moment ``m`` once (keras/optimizers.py)."""
    m = classic.zeros((2,))
    g = classic.placeholder(shape=(2,))
    velocity = 0.9 * m - 0.1 * g
    step = classic.function([g], [], updates=[classic.update(m, velocity)])
    step([np.ones(2)])
    step([np.ones(2)])
    np.testing.assert_allclose(classic.get_value(m), [-0.19, -0.19])


def test_a_classic_variable_slice_follows_the_variable_and_passes_its_gradient():
    """Keras 2.3.1's GRUCell.build slices its kernels once and trains through the slices."""
    kernel = classic.variable(np.arange(6.0).reshape(2, 3))
    first = kernel[:, :2]
    classic.set_value(kernel, np.ones((2, 3)))
    np.testing.assert_array_equal(classic.eval(first), np.ones((2, 2)))
    x = classic.placeholder(shape=(None, 2))
    (gradient,) = classic.gradients(classic.sum(classic.dot(x, first)), [kernel])
    np.testing.assert_array_equal(classic.function([x], [gradient])([np.ones((1, 2))])[0], [[1, 1, 0], [1, 1, 0]])


@pytest.mark.parametrize("backend", [K, classic], ids=["reference_backend", "classic"])
def test_updates_are_computed_before_any_is_assigned(backend):
    """As Theano applies them: Keras 2.3.1's Adam reads ``iterations + 1`` beside
    ``update_add(iterations, 1)`` and means step 1 to be t = 1 (keras/optimizers.py)."""
    counter, seen = backend.variable(0.0), backend.variable(0.0)
    p = backend.placeholder(shape=())
    copied = backend.variable(0.0)
    step = backend.function([p], [], updates=[backend.update_add(counter, p), backend.update(seen, counter + p * 0),
                                              backend.update(copied, counter)])
    step([1.0])
    assert [backend.get_value(v) for v in (counter, seen, copied)] == [1.0, 0.0, 0.0]


def test_eval_of_a_placeholder_explains_itself():
    with pytest.raises(ValueError, match="use function"):
        K.eval(K.placeholder(shape=(2,)) * 2.0)


def test_function_checks_fed_shapes():
    p = K.placeholder(shape=(None, 3))
    with pytest.raises(ValueError, match="cannot take a value of shape"):
        K.function([p], [p])([np.zeros((2, 4))])


def test_operators_mix_numpy_and_tensors():
    t = np.ones(2) * K.constant([2.0, 3.0])
    assert isinstance(t, type(K.constant(1.0)))
    np.testing.assert_array_equal(K.eval(t), [2.0, 3.0])


@pytest.mark.parametrize("combine", [lambda t: t * 2, lambda t: 2 - t, lambda t: t / 2.5, lambda t: t ** 2,
                                     lambda t: K.maximum(t, 0.5), lambda t: K.minimum(1, t)],
                         ids=["mul", "rsub", "div", "pow", "maximum", "minimum"])
@pytest.mark.parametrize("shape", [(), (3,)], ids=["rank 0", "rank 1"])
def test_python_numbers_take_the_tensor_dtype(combine, shape):
    # As TensorFlow converts them; numpy 1 alone would make a rank-0 float32 result float64.
    t = K.constant(np.full(shape, 1.5), dtype="float32")
    assert K.dtype(combine(t)) == "float32"
    assert K.eval(combine(t)).dtype == np.float32


def test_comparisons_take_python_numbers_in_the_tensor_dtype():
    # float32(0.1) == 0.1 in TensorFlow; compared in float64 (numpy 1, rank 0) it is not.
    assert K.eval(K.equal(K.constant(0.1, dtype="float32"), 0.1))
