"""The model tier's scenarios: small fixed-seed Keras 2.3.1 models and their data.

Imported only in a child interpreter whose Keras is bound to one backend
(``conformance.models.child``). Each scenario builds its model and compiles it,
and draws its batches from its own seed, so the backend under test and the
reference see the same data; initial weights are set by the child, not drawn by
the backend's initialisers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

STEPS = 3  # train_on_batch steps judged one by one
BATCH = 4


@dataclass(frozen=True)
class Scenario:
    """A model and its data. ``build(keras)`` answers the compiled model; ``data(rng)``
    answers ``(x, y)`` with ``STEPS * BATCH`` rows; ``deterministic_training`` is False
    where training draws random numbers (Dropout): then only inference is judged."""

    name: str
    build: Callable[[Any], Any]
    data: Callable[[np.random.RandomState], tuple[np.ndarray, np.ndarray]]
    deterministic_training: bool = True


ROWS = STEPS * BATCH


def _one_hot(labels: np.ndarray, classes: int) -> np.ndarray:
    one_hot: np.ndarray = np.eye(classes, dtype="float32")[labels]
    return one_hot


def _dense_data(rng: np.random.RandomState) -> tuple[np.ndarray, np.ndarray]:
    return rng.uniform(-1, 1, (ROWS, 5)).astype("float32"), _one_hot(rng.randint(0, 3, ROWS), 3)


def _image_data(channels_first: bool) -> Callable[[np.random.RandomState], tuple[np.ndarray, np.ndarray]]:
    def data(rng: np.random.RandomState) -> tuple[np.ndarray, np.ndarray]:
        x = rng.uniform(-1, 1, (ROWS, 6, 6, 2)).astype("float32")
        return (x.transpose(0, 3, 1, 2).copy() if channels_first else x), rng.randint(0, 3, (ROWS, 1))
    return data


def _sequence_data(rng: np.random.RandomState) -> tuple[np.ndarray, np.ndarray]:
    """Token ids with trailing zeros (padding the mask hides), one binary label per sequence."""
    tokens = rng.randint(1, 8, (ROWS, 5))
    lengths = rng.randint(2, 6, ROWS)
    tokens[np.arange(5) >= lengths[:, None]] = 0
    return tokens, rng.randint(0, 2, (ROWS, 1)).astype("float32")


def _sequence_labels_data(rng: np.random.RandomState) -> tuple[np.ndarray, np.ndarray]:
    tokens, _ = _sequence_data(rng)
    return tokens, rng.randint(0, 3, (ROWS, 5, 1))


def _mlp(keras: Any) -> Any:
    from keras.layers import Dense
    model = keras.models.Sequential([Dense(8, activation="relu", input_shape=(5,)), Dense(3, activation="softmax")])
    model.compile(keras.optimizers.SGD(0.1, momentum=0.9, nesterov=True), "categorical_crossentropy")
    return model


def _conv(data_format: str, optimizer: str) -> Callable[[Any], Any]:
    def build(keras: Any) -> Any:
        from keras.layers import Conv2D, Dense, Flatten, MaxPooling2D
        shape = (2, 6, 6) if data_format == "channels_first" else (6, 6, 2)
        model = keras.models.Sequential([
            Conv2D(3, 3, activation="relu", data_format=data_format, input_shape=shape),
            MaxPooling2D(2, data_format=data_format), Flatten(), Dense(3, activation="softmax")])
        model.compile(optimizer, "sparse_categorical_crossentropy")
        return model
    return build


def _recurrent(layer: str, **options: Any) -> Callable[[Any], Any]:
    def build(keras: Any) -> Any:
        from keras.layers import Dense, Embedding
        cell = getattr(keras.layers, layer)(4, **options)
        sequences = options.get("return_sequences", False)
        head = Dense(3, activation="softmax") if sequences else Dense(1, activation="sigmoid")
        model = keras.models.Sequential([Embedding(8, 3, mask_zero=True, input_length=5), cell, head])
        model.compile("rmsprop", "sparse_categorical_crossentropy" if sequences else "binary_crossentropy")
        return model
    return build


def _batch_norm(keras: Any) -> Any:
    from keras.layers import BatchNormalization, Dense
    # No bias before the normalisation: its gradient is zero in exact arithmetic, and Adam would scale
    # each backend's rounding noise in it to full steps of opposite signs.
    model = keras.models.Sequential([Dense(6, use_bias=False, input_shape=(5,)), BatchNormalization(momentum=0.8),
                                     Dense(3, activation="softmax")])
    model.compile("adam", "categorical_crossentropy")
    return model


def _dropout(keras: Any) -> Any:
    from keras.layers import Dense, Dropout
    model = keras.models.Sequential([Dense(8, activation="relu", input_shape=(5,)), Dropout(0.5),
                                     Dense(3, activation="softmax")])
    model.compile("sgd", "categorical_crossentropy")
    return model


SCENARIOS: dict[str, Scenario] = {scenario.name: scenario for scenario in [
    Scenario("dense_sgd_nesterov", _mlp, _dense_data),
    Scenario("conv_channels_last_adam", _conv("channels_last", "adam"), _image_data(False)),
    Scenario("conv_channels_first_rmsprop", _conv("channels_first", "rmsprop"), _image_data(True)),
    Scenario("lstm_masked", _recurrent("LSTM"), _sequence_data),
    Scenario("lstm_masked_sequences_backwards", _recurrent("LSTM", return_sequences=True, go_backwards=True),
             _sequence_labels_data),
    Scenario("simple_rnn_masked_backwards", _recurrent("SimpleRNN", go_backwards=True), _sequence_data),
    Scenario("gru_masked_sequences", _recurrent("GRU", return_sequences=True), _sequence_labels_data),
    Scenario("batch_normalization_adam", _batch_norm, _dense_data),
    Scenario("dropout_inference", _dropout, _dense_data, deterministic_training=False),
]}
