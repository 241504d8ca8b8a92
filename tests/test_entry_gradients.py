"""The per-entry gradient checks (suite/test_entry_gradients.py): no false alarm on the reference,
and a backend that refuses gradients (tf_keras under eager execution) fails each differentiated
entry's checks, which the shipped tf_keras baseline knows."""

from __future__ import annotations

import numpy as np
import pytest

import reference_backend
from conformance.calls import in_floatx
from conformance.catalogue.derivatives import DIFFERENTIABLE
from conformance.differences import central_differences
from conformance.outcomes import GAP_STATUSES
from conformance.suite.test_entry_gradients import JUDGED, KINKS, POINTS, _differentiated

GRADIENT_CHECKS = ("test_gradient_agrees_with_reference or test_gradient_at_kink or test_gradient_at_point "
                   "or test_stop_gradient_blocks_its_path")


@pytest.mark.parametrize("floatx", ["float32", "float64"])
@pytest.mark.parametrize("image_data_format", ["channels_last", "channels_first"])
def test_the_reference_passes_every_gradient_check(run_suite, floatx, image_data_format):
    run = run_suite("--backend=reference_backend", f"--floatx={floatx}", f"--image-data-format={image_data_format}",
                    "-k", GRADIENT_CHECKS)
    assert run.ret == 0, run.output
    assert f"{len(JUDGED) + len(KINKS) + len(POINTS) + 1} passed" in run.output, run.output
    conform = run.statuses("conform")
    assert set(JUDGED) | {"stop_gradient"} <= set(conform), run.statuses()
    assert not run.statuses(*GAP_STATUSES), run.statuses()


def test_the_classic_reference_passes_the_gradient_checks_under_the_classic_contract(run_suite):
    """Classic Keras 2.3's own answers (its local_conv1d, print_tensor, TF1's bilinear resize, Theano's
    CTC) have gradient rules too; a call classic Keras 2.3 refuses (its local_conv1d ignores data_format,
    and the reshape of a channels_first call fails) may be refused by the gradient checks' backend as well."""
    run = run_suite("--backend=reference_backend.classic", "--contract=keras-2.3", "-k", GRADIENT_CHECKS)
    assert not run.statuses(*GAP_STATUSES), run.statuses(*GAP_STATUSES)
    assert set(JUDGED) | {"stop_gradient"} <= set(run.statuses("conform")), run.statuses()


@pytest.mark.parametrize("floatx", ["float16", "float32", "float64"])
def test_every_point_is_judged_in_every_floatx(floatx):
    # A point the gradient check would pass over (an infinite result, one element) could not fail.
    for name, derivative in DIFFERENTIABLE.items():
        for point in derivative.points:
            pinned = in_floatx(point.call, floatx)
            assert _differentiated(getattr(reference_backend, name), name, pinned), pinned.render(name)


def test_every_differentiable_entry_with_drawn_calls_is_judged():
    assert {name for name, derivative in DIFFERENTIABLE.items() if derivative.kinks} <= {
        param.values[0] for param in KINKS}
    assert {"softmax", "relu", "dot", "mean", "conv2d", "pool2d", "concatenate"} <= set(JUDGED)


def test_a_backend_refusing_gradients_fails_the_differentiated_entries_as_tf_keras_baseline_knows(run_suite):
    entries = "softmax,relu,stop_gradient,gradients"
    run = run_suite("--backend=eager_gradients_backend", f"--entries={entries}", "-k", GRADIENT_CHECKS)
    assert run.ret == 1, run.output
    assert set(run.statuses("mismatch")) == {"softmax", "relu", "stop_gradient"}, run.statuses()
    messages = [gap["message"] for gap in run.report["entries"]["relu"]["gaps"]]
    assert all("gradients raised RuntimeError" in message for message in messages), messages
    known = run_suite("--backend=eager_gradients_backend", f"--entries={entries}", "-k", GRADIENT_CHECKS,
                      "--baseline=tf_keras")
    assert known.ret == 0, known.output
    assert set(known.statuses("expected")) == {"softmax", "relu", "stop_gradient"}, known.statuses()


def test_central_differences_of_a_cubic():
    point = np.array([[0.5, -2.0], [3.0, 0.0]])
    found = central_differences(lambda x: float(np.sum(x ** 3)), point)
    np.testing.assert_allclose(found, 3 * point ** 2, rtol=1e-8, atol=1e-8)
