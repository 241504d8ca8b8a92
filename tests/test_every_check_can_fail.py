"""A check that cannot fail is a defect: every check of the suite fails on some broken backend."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import conformance.suite
from conformance.report import PRESENCE_CHECK
from test_broken_backends import BROKEN


def suite_checks() -> set[str]:
    names = set()
    for info in pkgutil.iter_modules(conformance.suite.__path__):
        if info.name.startswith("test_"):
            module = importlib.import_module(f"conformance.suite.{info.name}")
            names |= {name for name, value in inspect.getmembers(module, callable) if name.startswith("test_")}
    return names


def test_every_check_fails_on_some_broken_backend(run_suite):
    failed = set()
    for name in BROKEN:
        module = importlib.import_module(f"broken_backends.{name}")
        run = run_suite(f"--backend=broken_backends.{name}", f"--entries={module.BROKEN_ENTRY}")
        for gap in run.report["entries"][module.BROKEN_ENTRY]["gaps"]:
            failed.add("test_presence" if gap["check"] == PRESENCE_CHECK else gap["check"].split("[")[0])
    never_failed = sorted(suite_checks() - failed)
    assert never_failed == [], "checks no broken backend fails: " + ", ".join(never_failed)
