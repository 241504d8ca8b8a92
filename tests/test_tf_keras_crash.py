"""A real backend that crashes the process: the default run (no -n, no --isolate) reports the crash
on the entry being called and judges every other entry as a run of tf_keras itself does (the entries
of pool2d's category, where a crash would spill over first: the whole suite takes minutes serially).

Needs TensorFlow and the float32 report of the same env (``TF_KERAS_FLOAT32_REPORT``): run by
``tox -e tf_keras``, skipped elsewhere.
"""

from __future__ import annotations

import importlib.util
import json
import os

import pytest

from conformance.catalogue import CATALOGUE

pytestmark = pytest.mark.skipif(importlib.util.find_spec("tf_keras") is None or not os.environ.get(
    "TF_KERAS_FLOAT32_REPORT"), reason="needs tf_keras and the report of its float32 run (tox -e tf_keras)")


def test_a_sigfpe_in_pool2d_is_pool2d_s_error_and_nothing_else_changes(run_suite_subprocess):
    entries = [name for name, entry in CATALOGUE.items() if entry.category == CATALOGUE["pool2d"].category]
    run = run_suite_subprocess("--backend=tf_keras_wrappers.pool2d_same_as_valid", "--contract=tf_keras",
                               "--floatx=float32", f"--baseline={_BASELINE}", "--entries=" + ",".join(entries),
                               env={"TF_CPP_MIN_LOG_LEVEL": "3"})
    assert run.report is not None, run.output
    pool2d = run.report["entries"]["pool2d"]
    assert pool2d["status"] == "error", pool2d
    assert any("killed by SIGFPE during a call of pool2d" in gap["message"] for gap in pool2d["gaps"]), pool2d
    with open(os.environ["TF_KERAS_FLOAT32_REPORT"], encoding="utf-8") as file:
        tf_keras = json.load(file)["entries"]
    changed = {name: (tf_keras[name]["status"], entry["status"]) for name, entry in run.report["entries"].items()
               if name != "pool2d" and entry["status"] != tf_keras[name]["status"]}
    assert changed == {}, changed


_BASELINE = "tf_keras"  # the shipped baseline, by name
