"""Keras 3's ``tensorflow.keras.backend`` (no ``TF_USE_LEGACY_KERAS``) is not a Keras 2 backend:
it lacks ``placeholder`` and ``function``, and the suite must say so in one line.

Needs TensorFlow: run by ``tox -e tf_keras``, skipped elsewhere.
"""

from __future__ import annotations

import importlib.util

import pytest
from test_bad_input import assert_one_clear_line

pytestmark = pytest.mark.skipif(importlib.util.find_spec("tensorflow") is None,
                                reason="needs tensorflow (tox -e tf_keras)")


def test_keras_3_stand_in_stops_with_the_missing_required_entries(run_suite_subprocess):
    run = run_suite_subprocess("--backend=tensorflow.keras.backend",
                               env={"TF_USE_LEGACY_KERAS": "", "TF_CPP_MIN_LOG_LEVEL": "3"})
    assert_one_clear_line(run, "backend 'tensorflow.keras.backend'", "lacks the required entries placeholder, function")
    assert run.report["entries"]["placeholder"]["status"] == "missing"
    assert run.report["entries"]["function"]["status"] == "missing"
