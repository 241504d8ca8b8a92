"""The other answers classic Keras 2.3 accepted (``reference_backend.classic.CONVENTIONS``),
against the values Keras 2.3.1's own tests and Theano 1.0.5 give."""

from __future__ import annotations

import numpy as np
import pytest

from reference_backend.classic import CONVENTIONS


def _convention(entry: str, starting: str):
    return next(compute for what, compute in CONVENTIONS[entry] if what.startswith(starting))


# Keras 2.3.1's tests/keras/backend/backend_test.py, test_ctc: Theano's costs are [1.73308, 3.81351].
LABELS = np.array([[0, 1, 2, 1, 0], [0, 1, 1, 0, -1]])
INPUTS = np.array(
    [[[0.633766, 0.221185, 0.0917319, 0.0129757, 0.0142857, 0.0260553],
      [0.111121, 0.588392, 0.278779, 0.0055756, 0.00569609, 0.010436],
      [0.0357786, 0.633813, 0.321418, 0.00249248, 0.00272882, 0.0037688],
      [0.0663296, 0.643849, 0.280111, 0.00283995, 0.0035545, 0.00331533],
      [0.458235, 0.396634, 0.123377, 0.00648837, 0.00903441, 0.00623107]],
     [[0.30176, 0.28562, 0.0831517, 0.0862751, 0.0816851, 0.161508],
      [0.24082, 0.397533, 0.0557226, 0.0546814, 0.0557528, 0.19549],
      [0.230246, 0.450868, 0.0389607, 0.038309, 0.0391602, 0.202456],
      [0.280884, 0.429522, 0.0326593, 0.0339046, 0.0326856, 0.190345],
      [0.423286, 0.315517, 0.0338439, 0.0393744, 0.0339315, 0.154046]]], dtype=np.float32)


def test_theano_ctc_gives_keras_2_3_1s_own_values():
    cost = _convention("ctc_batch_cost", "Theano's CTC")(LABELS, INPUTS, np.array([[5], [5]]), np.array([[5], [4]]))
    assert cost.shape == (1, 2) and cost.dtype == np.float64
    np.testing.assert_allclose(cost[0], [1.73308, 3.81351], atol=1e-5)  # backend_test.py's own tolerance


def test_theano_ctc_rounds_the_smoothing_product_in_the_input_float_type():
    # Theano 1.0.5 answers 6.668548402724206e-05 here: 0.9999 * p in float32, then float64.
    cost = _convention("ctc_batch_cost", "Theano's CTC")(
        np.array([[0, -1]]), np.array([[[1.0, 1.0]]], np.float32), np.array([[1]]), np.array([[1]]))
    np.testing.assert_allclose(cost, [[6.668548402724206e-05]], rtol=1e-12)


@pytest.mark.parametrize("indices, expected", [
    ([-1, 0], [[0.0, 1.0], [1.0, 0.0]]),   # Theano 1.0.5 and to_categorical count from the end
    ([1, -2], [[0.0, 1.0], [1.0, 0.0]]),
])
def test_classic_one_hot_indexes_as_numpy(indices, expected):
    np.testing.assert_array_equal(_convention("one_hot", "indices as numpy")(np.array(indices), 2), expected)


@pytest.mark.parametrize("indices", [[2], [-3]])
def test_classic_one_hot_refuses_an_index_out_of_range(indices):
    with pytest.raises(IndexError):
        _convention("one_hot", "indices as numpy")(np.array(indices), 2)
