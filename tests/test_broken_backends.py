"""The suite catches broken backends: each is reported on exactly its broken entry, with a useful message."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

from conftest import GAP_STATUSES, TESTS_DIR

BROKEN = sorted(info.name for info in pkgutil.iter_modules([str(TESTS_DIR / "broken_backends")]))


def test_there_is_a_broken_backend_for_every_checked_entry():
    import sys
    sys.path.insert(0, str(TESTS_DIR))
    try:
        broken = {importlib.import_module(f"broken_backends.{name}").BROKEN_ENTRY for name in BROKEN}
    finally:
        sys.path.remove(str(TESTS_DIR))
    from conformance.catalogue import CATALOGUE
    assert set(CATALOGUE) - broken == set()


@pytest.mark.parametrize("name", BROKEN)
def test_broken_backend_is_caught_on_its_entry_only(run_suite, name):
    module = importlib.import_module(f"broken_backends.{name}")
    run = run_suite(f"--backend=broken_backends.{name}")
    assert run.ret == 1, run.output
    gaps = run.statuses(*GAP_STATUSES)
    assert set(gaps) == {module.BROKEN_ENTRY}, gaps
    messages = [gap["message"] for gap in run.report["entries"][module.BROKEN_ENTRY]["gaps"]]
    assert any(module.EXPECTED_MESSAGE in message for message in messages), messages
    for entry in run.statuses("blocked"):  # blocked entries wait for the broken one, nothing else
        assert run.report["entries"][entry]["blocked_by"] == [module.BROKEN_ENTRY]
