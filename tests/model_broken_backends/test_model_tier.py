"""The model tier catches backends broken on purpose, naming the culprit entry, and passes the
reference (``tox -e models``; skipped without Keras 2.3.1)."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

from conformance.models.tier import judge, keras_2_3_1_missing

if keras_2_3_1_missing():
    pytest.skip(keras_2_3_1_missing() or "", allow_module_level=True)

BROKEN = [name for _, name, _ in pkgutil.iter_modules(importlib.import_module(__package__).__path__)
          if not name.startswith("test_")]


@pytest.mark.parametrize("name", BROKEN)
def test_the_right_scenario_fails_naming_the_right_entry(name: str) -> None:
    backend = f"{__package__}.{name}"
    module = importlib.import_module(backend)
    report = "\n".join(judge(backend, module.SCENARIO).lines)
    assert f"culprit: {module.CULPRIT} " in report, report


def test_the_reference_trains_as_itself() -> None:
    assert judge("reference_backend.classic", "batch_normalization_adam").lines == []
