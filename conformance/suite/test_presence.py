"""Every catalogue entry is defined, and is a function."""

from __future__ import annotations

import pytest

from conformance.catalogue import CATALOGUE
from conformance.compare import Mismatch
from conformance.markers import per_entry
from conformance.outcomes import Aspect


@pytest.mark.parametrize("name", per_entry(CATALOGUE, aspect=Aspect.PRESENCE))
def test_presence(backend, name):
    value = backend.entry(name)  # EntryMissing when absent
    if not callable(value):
        raise Mismatch(f"{name} is a {type(value).__name__}, expected a function")
