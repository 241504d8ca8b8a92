"""Real Keras 2.3.1 as a client of the reference backend: ``tox -e keras-2.3.1``.

The env installs ``keras==2.3.1``, sets ``KERAS_BACKEND=reference_backend`` and
puts this directory (its ``sitecustomize.py``) on ``PYTHONPATH``. Elsewhere the
module is skipped. Keras 2.3.1 loads the backend as any external one: it
imports 143 names from it, builds layers on placeholders (reading the
``_keras_shape`` they carry) and predicts through ``function``.
"""

from __future__ import annotations

import collections
import os
from importlib.metadata import PackageNotFoundError, version

import numpy as np
import pytest

if os.environ.get("KERAS_BACKEND") != "reference_backend":
    pytest.skip("run by `tox -e keras-2.3.1` (KERAS_BACKEND=reference_backend, keras 2.3.1 installed)",
                allow_module_level=True)

import reference_backend  # noqa: E402
from conformance.catalogue import KERAS_2_3_IMPORTS  # noqa: E402

RTOL = ATOL = 16 * float(np.finfo(np.float32).eps)  # float32 results of a few float32 sums and products


def test_the_environment_is_keras_2_3_1_ready():
    try:
        installed = version("keras")
    except PackageNotFoundError:
        installed = "not installed"
    assert installed == "2.3.1", f"keras {installed}; this env needs keras==2.3.1"
    assert hasattr(collections, "Iterable"), \
        "conformance/models/legacy_python (its sitecustomize.py) is not on PYTHONPATH"
    missing = sorted(KERAS_2_3_IMPORTS - set(reference_backend.__all__))
    assert not missing, f"Keras 2.3.1 cannot import the reference backend: it lacks {len(missing)} names: {missing}"


@pytest.fixture(scope="module")
def keras():
    keras = pytest.importorskip("keras")
    assert keras.__version__ == "2.3.1"
    assert keras.backend.backend() == "reference_backend"
    return keras


def numpy_dense(x: np.ndarray, kernel: np.ndarray, bias: np.ndarray) -> np.ndarray:
    return x @ kernel + bias


def numpy_softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def inputs(rows: int = 5, width: int = 3) -> np.ndarray:
    return np.random.RandomState(0).uniform(-2, 2, size=(rows, width)).astype("float32")


def test_predict_of_relu_then_linear_dense_layers_is_numpy_on_their_weights(keras):
    from keras.layers import Dense
    from keras.models import Sequential

    model = Sequential([Dense(4, activation="relu", input_shape=(3,)), Dense(2)])
    x = inputs()
    kernel1, bias1, kernel2, bias2 = model.get_weights()
    expected = numpy_dense(np.maximum(numpy_dense(x, kernel1, bias1), 0), kernel2, bias2)
    predicted = model.predict(x)
    assert predicted.dtype == np.float32 and predicted.shape == (5, 2)
    np.testing.assert_allclose(predicted, expected, rtol=RTOL, atol=ATOL)
    np.testing.assert_allclose(model.predict(x, batch_size=2), expected, rtol=RTOL, atol=ATOL)  # 3 batches


def test_predict_with_dropout_and_softmax_uses_the_test_phase(keras):
    from keras.layers import Dense, Dropout
    from keras.models import Sequential

    model = Sequential([Dense(8, activation="relu", input_shape=(3,)), Dropout(0.5), Dense(3, activation="softmax")])
    x = inputs()
    kernel1, bias1, kernel2, bias2 = model.get_weights()
    expected = numpy_softmax(numpy_dense(np.maximum(numpy_dense(x, kernel1, bias1), 0), kernel2, bias2))
    np.testing.assert_allclose(model.predict(x), expected, rtol=RTOL, atol=ATOL)  # no unit dropped


def test_set_weights_then_predict(keras):
    from keras.layers import Dense
    from keras.models import Sequential

    model = Sequential([Dense(2, activation="relu", input_shape=(2,)), Dense(1)])
    model.set_weights([np.array([[1, -1], [2, 0]], "float32"), np.array([0.5, 0], "float32"),
                       np.array([[3], [4]], "float32"), np.array([1], "float32")])
    x = np.array([[1, 1], [-1, 0]], "float32")  # hidden: relu([3.5, -1]) = [3.5, 0]; relu([-0.5, 1]) = [0, 1]
    np.testing.assert_allclose(model.predict(x), [[11.5], [5.0]], rtol=RTOL, atol=ATOL)
