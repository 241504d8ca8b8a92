"""One scenario through one backend, in an interpreter whose Keras 2.3.1 is bound to it.

``python -m conformance.models.child SCENARIO OUTPUT [--culprit STEP | --flipped-kernels]`` with
``KERAS_BACKEND`` naming the backend module (and ``CONFORMANCE_BACKEND_SETUP`` the
``--backend-setup`` to run before Keras imports it). It sets the scenario's initial weights
(drawn here from a fixed seed, not by the backend's initialisers), trains
``STEPS`` batches with ``train_on_batch``, then ``evaluate``, ``predict``, one
epoch of ``fit`` and a ``save_weights``/``load_weights`` round trip, and pickles
what it saw to OUTPUT. With ``--culprit STEP`` it instead records the backend calls
that build the training step, trains up to STEP and replays each call of STEP
through the reference (``conformance.models.replay``), pickling the first that
differs.
"""

from __future__ import annotations

import itertools
import os
import pickle
import sys
import tempfile
import zlib
from typing import Any

import numpy as np

from .scenarios import BATCH, SCENARIOS, STEPS, Scenario

SETUP_VARIABLE = "CONFORMANCE_BACKEND_SETUP"


def initial_weights(model: Any) -> list[np.ndarray]:
    """Fixed weights for ``model``: uniform in [-0.5, 0.5], scales and variances in [0.5, 1.5]."""
    rng = np.random.RandomState(1)
    weights = []
    # get_weights() goes layer by layer (model.weights puts every trainable weight first).
    variables = [variable for layer in model.layers for variable in layer.weights]
    for variable, value in zip(variables, model.get_weights()):
        positive = any(word in str(getattr(variable, "name", "")) for word in ("gamma", "variance"))
        low, high = (0.5, 1.5) if positive else (-0.5, 0.5)
        weights.append(rng.uniform(low, high, value.shape).astype(value.dtype))
    return weights


def convolution_kernels(keras: Any, model: Any) -> list[int]:
    """The positions of the convolution kernels in ``model.get_weights()``."""
    weights = [(layer, weight) for layer in model.layers for weight in layer.weights]
    return [i for i, (layer, weight) in enumerate(weights)
            if isinstance(layer, keras.layers.convolutional._Conv) and weight is layer.kernel]


def flipped(weights: list[np.ndarray], kernels: list[int]) -> list[np.ndarray]:
    """``weights`` with the kernels at ``kernels`` flipped along their spatial axes (all but the
    last two), as Keras 2.3.1's ``conv_utils.convert_kernel`` converts Theano's kernels to
    TensorFlow's and back (a flip is its own inverse)."""
    return [np.ascontiguousarray(w[(slice(None, None, -1),) * (w.ndim - 2)]) if i in kernels else w
            for i, w in enumerate(weights)]


def batch(data: np.ndarray, step: int) -> np.ndarray:
    """The rows of training step ``step`` (0-based)."""
    return data[step * BATCH:(step + 1) * BATCH]


def _read_h5py_3_strings(keras: Any) -> None:
    """Keras 2.3.1's ``load_weights`` calls ``.decode`` on the layer names it reads from the
    file, which h5py 3 answers as ``str`` (h5py 2 answered bytes, and has no wheel for Python
    3.11): its attribute reader is replaced by one that decodes bytes only."""
    def load_attributes(group: Any, name: str) -> list[str]:
        if name in group.attrs:
            values = list(group.attrs[name])
        else:
            values = []
            for chunk in itertools.count():
                if f"{name}{chunk}" not in group.attrs:
                    break
                values.extend(group.attrs[f"{name}{chunk}"])
        return [value.decode("utf8") if isinstance(value, bytes) else str(value) for value in values]
    keras.engine.saving.load_attributes_from_hdf5_group = load_attributes


def _drop_version_attributes(path: str) -> None:
    """The same for the ``keras_version`` and ``backend`` attributes: without them Keras skips
    reading them (they only select conversions of files older Keras versions wrote)."""
    import h5py
    with h5py.File(path, "a") as file:
        for attribute in ("keras_version", "backend"):
            if attribute in file.attrs:
                del file.attrs[attribute]


def scenario_and_data(name: str) -> tuple[Scenario, np.ndarray, np.ndarray]:
    """The scenario named ``name`` and its batches ``(x, y)``, drawn from a seed of its name."""
    scenario = SCENARIOS[name]
    x, y = scenario.data(np.random.RandomState(zlib.crc32(name.encode())))
    return scenario, x, y


def run(name: str, flipped_kernels: bool = False) -> dict[str, Any]:
    """What the scenario's model gives through the bound backend (see the module's docstring).
    With ``flipped_kernels`` the convolution kernels are flipped as the model is given them, and
    flipped back as it answers them: the model as a backend whose convolutions flip their kernels
    (Theano's, a convention classic Keras 2.3 accepted) trains it."""
    import keras

    _read_h5py_3_strings(keras)
    scenario, x, y = scenario_and_data(name)
    model = scenario.build(keras)
    kernels = convolution_kernels(keras, model)
    def as_written(weights: list[np.ndarray]) -> list[np.ndarray]:
        return flipped(weights, kernels) if flipped_kernels else weights
    model.set_weights(as_written(initial_weights(model)))
    seen: dict[str, Any] = {"predictions_initial": model.predict(x, batch_size=BATCH),
                            "evaluate_initial": model.evaluate(x, y, batch_size=BATCH, verbose=0)}
    seen["losses"], seen["weights"] = [], []
    for step in range(STEPS):
        seen["losses"].append(model.train_on_batch(batch(x, step), batch(y, step)))
        seen["weights"].append(as_written(model.get_weights()))
    seen["evaluate"] = model.evaluate(x, y, batch_size=BATCH, verbose=0)
    seen["predictions"] = model.predict(x, batch_size=BATCH)
    seen["fit_loss"] = model.fit(x, y, batch_size=BATCH, epochs=1, shuffle=False, verbose=0).history["loss"]
    seen["fit_weights"] = as_written(model.get_weights())
    seen["convolution_kernels"] = len(kernels)
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "weights.h5")
        model.save_weights(path)
        _drop_version_attributes(path)
        reloaded = scenario.build(keras)
        reloaded.load_weights(path)
        seen["round_trip_difference"] = float(np.max(np.abs(reloaded.predict(x, batch_size=BATCH)
                                                             - model.predict(x, batch_size=BATCH))))
    return seen


def main(argv: list[str]) -> None:
    name, output = argv[0], argv[1]
    setup = os.environ.get(SETUP_VARIABLE, "")
    if setup:
        from ..loading import run_setup
        run_setup(setup)
    if argv[2:4] and argv[2] == "--culprit":
        from .replay import find_culprit
        result: Any = find_culprit(name, int(argv[3]))
    else:
        result = run(name, flipped_kernels="--flipped-kernels" in argv[2:])
    with open(output, "wb") as file:
        pickle.dump(result, file)


if __name__ == "__main__":
    main(sys.argv[1:])
