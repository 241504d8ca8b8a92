"""The suite catches broken backends: each is reported on exactly its broken entry, with a useful message."""

from __future__ import annotations

import importlib
import json
import pkgutil
from pathlib import Path

import pytest
from conftest import TESTS_DIR, SuiteRun, assert_caught_on_its_entry_only, options_judging

from conformance.catalogue import CATALOGUE
from conformance.outcomes import PRESENCE_CHECK

BROKEN = sorted(info.name for info in pkgutil.iter_modules([str(TESTS_DIR / "broken_backends")]))


def test_there_is_a_broken_backend_for_every_checked_entry():
    import sys
    sys.path.insert(0, str(TESTS_DIR))
    try:
        broken = {importlib.import_module(f"broken_backends.{name}").BROKEN_ENTRY for name in BROKEN}
    finally:
        sys.path.remove(str(TESTS_DIR))
    assert set(CATALOGUE) - broken == set()


def run_broken(run_suite_subprocess, entries_relying_on: dict[str, set[str]], failed_checks: Path,
               name: str) -> SuiteRun:
    """Run the suite on ``broken_backends.<name>`` (in a new process: hundreds of
    in-process runs slow a test process down as their garbage accumulates) and
    note which check functions failed on its broken entry (for
    ``test_every_check_can_fail``)."""
    module = importlib.import_module(f"broken_backends.{name}")
    options = getattr(module, "OPTIONS", ())  # e.g. a contract: broken for tf_keras, classic Keras 2.3's way
    run = run_suite_subprocess(f"--backend=broken_backends.{name}",
                               *options_judging(entries_relying_on, module.BROKEN_ENTRY), *options)
    gaps = run.report["entries"][module.BROKEN_ENTRY]["gaps"] if run.report else []
    failed = sorted({"test_presence" if gap["check"] == PRESENCE_CHECK else gap["check"].split("[")[0]
                     for gap in gaps})
    # Written whole, then renamed: the every-check-can-fail test may read the notes meanwhile (another xdist worker).
    note = failed_checks / f"{name}.json"
    partial = note.with_suffix(".partial")
    partial.write_text(json.dumps(failed))
    partial.replace(note)
    return run


@pytest.mark.parametrize("name", BROKEN)
def test_broken_backend_is_caught_on_its_entry_only(run_suite_subprocess, entries_relying_on, failed_checks, name):
    run = run_broken(run_suite_subprocess, entries_relying_on, failed_checks, name)
    assert_caught_on_its_entry_only(run, importlib.import_module(f"broken_backends.{name}"))
