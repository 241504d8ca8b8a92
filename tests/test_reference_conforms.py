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
