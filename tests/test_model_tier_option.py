"""``--models`` as a user meets it: without Keras 2.3.1 one line says how to install it and the rest
of the run is unaffected; without ``--models`` nothing of the tier is collected."""

from __future__ import annotations

import conformance.models.test_scenarios as model_checks
from conformance.models.tier import INSTALL_HINT


def test_without_keras_2_3_1_the_tier_says_how_to_install_it_once(run_suite, monkeypatch):
    monkeypatch.setattr(model_checks, "keras_2_3_1_missing", lambda: INSTALL_HINT)
    run = run_suite("--backend=reference_backend", "--entries=abs", "--models")
    assert run.ret == 0, run.output
    assert run.output.count(INSTALL_HINT) == 1
    assert 'pip install "keras-backend-conformance[keras2]"' in run.output
    assert run.statuses() == {"abs": "conform"}


def test_without_the_option_the_tier_is_not_collected(run_suite):
    run = run_suite("--backend=reference_backend", "--entries=abs")
    assert run.ret == 0, run.output
    assert "model tier" not in run.output and "test_model_trains" not in run.output
