"""The suite catches broken backends: each is reported on exactly its broken entry, with a useful message."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

from conftest import TESTS_DIR, assert_caught_on_its_entry_only

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
def test_broken_backend_is_caught_on_its_entry_only(run_suite, entries_relying_on, name):
    module = importlib.import_module(f"broken_backends.{name}")
    # Checks that never call the broken entry give the reference's verdict (see the fixture).
    relying = sorted(entries_relying_on.get(module.BROKEN_ENTRY, {module.BROKEN_ENTRY}))
    run = run_suite(f"--backend=broken_backends.{name}", f"--entries={','.join(relying)}")
    assert_caught_on_its_entry_only(run, module)
