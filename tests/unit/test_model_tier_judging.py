"""The model tier's judging: the first departure from the reference, in the order values arose,
within the tolerance the README states (64 * steps * eps of floatx)."""

from __future__ import annotations

import copy

import numpy as np

from conformance.models.child import flipped
from conformance.models.scenarios import STEPS
from conformance.models.tier import first_divergence, keras_backend, tolerance


def run() -> dict:
    rng = np.random.RandomState(0)
    weights = [[rng.rand(2, 3).astype("float32"), rng.rand(3).astype("float32")] for _ in range(STEPS)]
    return {"predictions_initial": rng.rand(4, 3), "evaluate_initial": 1.5, "losses": [1.4, 1.3, 1.2],
            "weights": weights, "evaluate": 1.1, "predictions": rng.rand(4, 3), "fit_loss": [1.0],
            "fit_weights": weights[-1], "round_trip_difference": 0.0}


def test_the_same_run_does_not_diverge():
    assert first_divergence(run(), run(), "float32", deterministic=True) is None


def test_the_tolerance_grows_with_the_steps():
    assert tolerance("float32", 2) == 2 * tolerance("float32", 1) == 2 * 64 * float(np.finfo("float32").eps)


def test_the_first_departure_is_named_with_its_step():
    actual = copy.deepcopy(run())
    actual["weights"][1][1][2] += 1e-3
    actual["losses"][2] += 1e-3  # later: not the first
    divergence = first_divergence(actual, run(), "float32", deterministic=True)
    assert divergence is not None
    assert (divergence.what, divergence.step) == ("weights after step 2", 2)
    assert "weight 1" in divergence.detail and "(2,)" in divergence.detail


def test_a_difference_within_the_tolerance_of_its_step_passes():
    actual = copy.deepcopy(run())
    actual["losses"][2] *= 1 + tolerance("float32", 3) / 2
    assert first_divergence(actual, run(), "float32", deterministic=True) is None


def test_random_training_is_not_judged_but_inference_before_it_is():
    actual = copy.deepcopy(run())
    actual["losses"][0] += 1
    assert first_divergence(actual, run(), "float32", deterministic=False) is None
    actual["predictions_initial"][0, 0] += 1
    divergence = first_divergence(actual, run(), "float32", deterministic=False)
    assert divergence is not None and divergence.step == 0


def test_a_round_trip_that_changes_predictions_diverges():
    actual = dict(run(), round_trip_difference=0.5)
    divergence = first_divergence(actual, run(), "float32", deterministic=True)
    assert divergence is not None and "round trip" in divergence.what


def test_keras_own_backend_keeps_the_callers_choice(monkeypatch):
    monkeypatch.setenv("KERAS_BACKEND", "theano")
    assert (keras_backend("keras.backend"), keras_backend("my_package.backend")) == ("theano", "my_package.backend")
    monkeypatch.delenv("KERAS_BACKEND")
    assert keras_backend("keras.backend") == "tensorflow"


def test_kernels_flip_along_their_spatial_axes_only_and_flip_back():
    kernel, bias = np.arange(2 * 3 * 1 * 2).reshape(2, 3, 1, 2), np.arange(2)
    turned = flipped([kernel, bias], [0])
    np.testing.assert_array_equal(turned[0][:, :, 0, 1], kernel[::-1, ::-1, 0, 1])
    assert turned[1] is bias
    np.testing.assert_array_equal(flipped(turned, [0])[0], kernel)
