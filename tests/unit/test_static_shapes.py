"""Static shape rules: Keras 2.3.1's target placeholders (every dimension unknown) meet model
outputs whose last dimension is known, and the ops between them keep static shapes."""

from __future__ import annotations

import numpy as np
import pytest

import reference_backend as K
from reference_backend.static_shapes import broadcast_static

pytestmark = pytest.mark.usefixtures("floatx_float32")  # dtypes below are float32


@pytest.mark.parametrize("shapes, expected", [
    (((None, None), (None, 3)), (None, 3)),    # an unknown size meeting a known one: the known one
    (((None, 1), (None, None)), (None, None)),  # meeting only 1 or unknown: unknown
    (((4, 1), (3,)), (4, 3)),
    (((2,), ()), (2,)),
])
def test_broadcast_static_follows_tensorflows_rule(shapes, expected):
    assert broadcast_static(*[K.placeholder(shape=shape) for shape in shapes]) == expected


def test_broadcast_static_refuses_two_different_known_sizes():
    with pytest.raises(ValueError, match="cannot broadcast"):
        broadcast_static(K.placeholder(shape=(None, 2)), K.placeholder(shape=(None, 3)))


def test_a_loss_of_a_target_without_static_shape_and_a_known_output_is_per_row():
    target, output = K.placeholder(ndim=2), K.placeholder(shape=(None, 3))
    loss = K.categorical_crossentropy(target, output)
    assert (loss.shape, loss.dtype) == ((None,), np.dtype("float32"))
    assert K.int_shape(K.cast(loss, "float32")) == (None,)  # the next op infers from the loss' static shape
    assert K.int_shape(K.binary_crossentropy(target, output)) == (None, 3)
    assert K.int_shape(K.sparse_categorical_crossentropy(target, output)) == (None,)


def test_operators_and_comparisons_keep_the_broadcast_shape_and_the_numpy_dtype():
    target, output = K.placeholder(ndim=2), K.placeholder(shape=(None, 3))
    assert K.int_shape(target - output) == (None, 3)
    assert (K.int_shape(K.equal(target, output)), K.dtype(K.equal(target, output))) == ((None, 3), "bool")
    assert K.dtype(output * 2) == "float32"  # a Python number stays weak


def test_the_rules_do_not_change_values():
    target, output = K.placeholder(ndim=2), K.placeholder(shape=(None, 3))
    f = K.function([target, output], [K.categorical_crossentropy(target, output)])
    t = np.array([[0, 1, 0]], "float32")
    o = np.array([[0.2, 0.5, 0.3]], "float32")
    np.testing.assert_allclose(f([t, o])[0], [-np.log(0.5)], rtol=1e-6)
