"""How a suite check names the entry it judges: the ``entry`` marker.

Every check of ``conformance.suite`` carries ``@pytest.mark.entry(name)`` (a
parametrized check, one per parameter set): the run selects checks by it
(``--entries``) and files each outcome under it. ``entry_param`` and
``per_entry`` build marked parameter sets; ``entry_marker`` and ``judged_entry`` read it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pytest
from _pytest.mark.structures import ParameterSet

MARKER_HELP = "entry(name, presence=False): the backend API entry a conformance check judges"


def entry_param(entry: str, *values: Any, id: str | None = None, presence: bool = False) -> ParameterSet:
    """``pytest.param(*values, id=id)`` marked as judging ``entry`` (``presence``: its presence check)."""
    marker = pytest.mark.entry(entry, presence=True) if presence else pytest.mark.entry(entry)
    return pytest.param(*values, marks=marker, id=id)


def per_entry(names: Iterable[str], presence: bool = False) -> list[ParameterSet]:
    """One parameter set per entry name, the name being the parameter and its id."""
    return [entry_param(name, name, id=name, presence=presence) for name in names]


def entry_marker(item: pytest.Item) -> tuple[str, bool] | None:
    """The entry ``item`` judges and whether it is the presence check, from its marker (None: unmarked)."""
    marker = item.get_closest_marker("entry")
    if marker is None:
        return None
    return str(marker.args[0]), bool(marker.kwargs.get("presence"))


def judged_entry(item: pytest.Item) -> tuple[str, bool]:
    """``entry_marker`` of a suite check, which collection made sure is marked."""
    marked = entry_marker(item)
    assert marked is not None, f"{item.nodeid} has no entry marker"
    return marked
