"""The suite passes the reference backend: no false alarms, under every floatx and image format."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("floatx", ["float16", "float32", "float64"])
@pytest.mark.parametrize("image_data_format", ["channels_last", "channels_first"])
def test_reference_conforms(run_suite, floatx, image_data_format):
    run = run_suite("--backend=reference_backend", f"--floatx={floatx}", f"--image-data-format={image_data_format}")
    assert run.ret == 0, run.output
    assert run.statuses("conform") == run.statuses(), run.statuses()
    assert run.report["floatx"] == floatx
    assert run.report["image_data_format"] == image_data_format
    assert run.report["conformance_percent"] == 100.0


def test_the_classic_reference_conforms_to_the_classic_contract_where_kinks_are_pinned(run_suite):
    """The kinks pin tf_keras' gradients: under keras-2.3 their checks judge nothing, and say so
    without turning into errors (a check's own skip is not the backend's)."""
    run = run_suite("--backend=reference_backend.classic", "--contract=keras-2.3", "--entries=relu,sqrt,round,max")
    assert run.ret == 0, run.output
    assert run.statuses("conform") == run.statuses(), run.statuses()
