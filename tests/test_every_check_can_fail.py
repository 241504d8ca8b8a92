"""A check that cannot fail is a defect: every check of the suite fails on some broken backend."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil

from test_broken_backends import BROKEN, run_broken

import conformance.suite


def suite_checks() -> set[str]:
    names = set()
    for info in pkgutil.iter_modules(conformance.suite.__path__):
        if info.name.startswith("test_"):
            module = importlib.import_module(f"conformance.suite.{info.name}")
            names |= {name for name, value in inspect.getmembers(module, callable) if name.startswith("test_")}
    return names


# Checks proven to fail elsewhere: they need a package this environment does not install.
PROVEN_ELSEWHERE = {
    "test_keras_2_3_loader_shares_the_configuration": "tests/keras_client/test_loader_rule.py (tox -e keras-2.3.1)",
}


def test_every_check_fails_on_some_broken_backend(run_suite_subprocess, entries_relying_on, failed_checks):
    # The broken-backend tests note what failed; this test runs last (see conftest) and reads their
    # notes. Under xdist the other worker may still be running some of them, and run alone none has
    # run: the broken backends without a note are run here, one at a time, only until every check is
    # covered (re-reading the notes each time, so another worker's new ones count).
    expected = suite_checks() - set(PROVEN_ELSEWHERE)

    def failed() -> set[str]:
        return {check for note in failed_checks.glob("*.json") for check in json.loads(note.read_text())}

    for name in BROKEN:
        if expected <= failed():
            break
        if not (failed_checks / f"{name}.json").exists():
            run_broken(run_suite_subprocess, entries_relying_on, failed_checks, name)
    never_failed = sorted(expected - failed())
    assert never_failed == [], "checks no broken backend fails: " + ", ".join(never_failed)
