"""Fixtures of the suite: the backend under test, the reference, and per-check isolation."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest

from conformance.catalogue import CATALOGUE
from conformance.fresh_import import fresh_imports as import_in_new_interpreters
from conformance.fresh_import import through_keras_loader
from conformance.markers import entry_marker, judged_entry
from conformance.oracles import Oracle
from conformance.outcomes import Aspect
from conformance.plugin import RUN_KEY
from conformance.recording import RecordingBackend
from conformance.run import ConformanceRun


@pytest.fixture(scope="session")
def run(request: pytest.FixtureRequest) -> ConformanceRun:
    """The current conformance run."""
    return request.config.stash[RUN_KEY]


@pytest.fixture(scope="session")
def backend(run: ConformanceRun) -> RecordingBackend:
    """The backend under test; its calls are recorded (see ``conformance.recording``)."""
    return run.backend


@pytest.fixture(scope="session")
def reference(run: ConformanceRun) -> ModuleType:
    """The reference backend module."""
    return run.reference


@pytest.fixture(scope="session")
def oracles(run: ConformanceRun) -> list[Oracle]:
    """The oracles the run's contract admits (see ``conformance.oracles``)."""
    return run.oracles


@pytest.fixture(scope="session")
def fresh_imports(run: ConformanceRun) -> dict[str, dict]:
    """What the backend reports right after import (see ``conformance.fresh_import``)."""
    return import_in_new_interpreters(run.loaded.module.__name__, run.loaded.choice.setup)


@pytest.fixture(scope="session")
def keras_loader(run: ConformanceRun) -> dict[str, Any]:
    """What the backend does after classic Keras 2.3's setters, loaded by Keras' own loader."""
    return through_keras_loader(run.loaded.module.__name__, run.loaded.choice.setup)


@pytest.fixture(autouse=True)
def isolated_check(run: ConformanceRun, request: pytest.FixtureRequest):
    """Each check begins a new ``Check`` and leaves the configuration and the process's shared
    state as it found them (see ``Check.isolated``).

    A check of an absent entry stops before it calls anything (skipped when the entry is
    optional, missing when not): whatever else it would call first is no evidence about it.
    """
    if entry_marker(request.node) is None:
        # The model tier's checks (--models) are no suite checks; pytest applies this conftest to
        # them when the rootdir it chose for the run lies outside the suite.
        yield
        return
    check = run.begin_check(request.node.name)
    entry, aspect = judged_entry(request.node)
    if aspect is not Aspect.PRESENCE and entry in CATALOGUE:
        run.backend.entry(entry)
    with check.isolated("check"):
        yield
