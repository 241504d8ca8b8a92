"""Classic Keras 2.3's loader keeps its own configuration functions (keras.backend.common) and never
copies a backend's: the suite's loader check passes the reference, which reads Keras' settings when
Keras loads it, and catches a backend with a private copy, on each setter. ``tox -e keras-2.3.1``."""

from __future__ import annotations

import os

import pytest

if os.environ.get("KERAS_BACKEND") != "reference_backend":
    pytest.skip("run by `tox -e keras-2.3.1` (keras 2.3.1 installed)", allow_module_level=True)

SETTERS = ("set_floatx", "set_epsilon", "set_image_data_format")
ENTRIES = "--entries=" + ",".join(SETTERS)


@pytest.mark.parametrize("module", ["reference_backend", "reference_backend.classic"])
def test_the_reference_reads_keras_settings(run_suite_subprocess, module):
    run = run_suite_subprocess(f"--backend={module}", "--contract=keras-2.3", ENTRIES, "-rs")
    assert run.ret == 0 and run.statuses() == {name: "conform" for name in SETTERS}, run.output
    assert "not judged" not in run.output  # the loader check ran, it was not skipped


def test_a_private_copy_is_caught_on_each_setter(run_suite_subprocess):
    run = run_suite_subprocess("--backend=classic_backends.private_configuration", "--contract=keras-2.3", ENTRIES)
    assert run.statuses() == {name: "mismatch" for name in SETTERS}, run.output
    for name in SETTERS:
        [gap] = run.report["entries"][name]["gaps"]
        assert "Keras 2.3's loader keeps its own floatx/epsilon/image_data_format" in gap["message"], gap
