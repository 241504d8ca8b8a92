"""Every catalogue entry is defined, and is a function."""

from __future__ import annotations

import pytest

from conformance.catalogue import CATALOGUE
from conformance.compare import Mismatch


@pytest.mark.parametrize("name", [pytest.param(name, marks=pytest.mark.entry(name, presence=True), id=name)
                                  for name in CATALOGUE])
def test_presence(backend, name):
    entry = CATALOGUE[name]
    if entry.optional and not backend.has(name):
        pytest.skip(f"optional ({entry.availability} only) and not defined")
    value = getattr(backend, name)  # EntryMissing when absent
    if not callable(value):
        raise Mismatch(f"{name} is a {type(value).__name__}, expected a function")
