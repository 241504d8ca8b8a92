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

from .outcomes import Aspect

MARKER_HELP = ("entry(name, aspect='behaviour'): the backend API entry a conformance check judges, and what of it "
               "(presence, signature or behaviour)")


def entry_param(entry: str, *values: Any, id: str | None = None, aspect: Aspect = Aspect.BEHAVIOUR) -> ParameterSet:
    """``pytest.param(*values, id=id)`` marked as judging ``aspect`` of ``entry``."""
    marker = pytest.mark.entry(entry) if aspect is Aspect.BEHAVIOUR else pytest.mark.entry(entry, aspect=aspect)
    return pytest.param(*values, marks=marker, id=id)


def per_entry(names: Iterable[str], aspect: Aspect = Aspect.BEHAVIOUR) -> list[ParameterSet]:
    """One parameter set per entry name, the name being the parameter and its id."""
    return [entry_param(name, name, id=name, aspect=aspect) for name in names]


def entry_marker(item: pytest.Item) -> tuple[str, Aspect] | None:
    """The entry ``item`` judges and what of it, from its marker (None: unmarked)."""
    marker = item.get_closest_marker("entry")
    if marker is None:
        return None
    return str(marker.args[0]), Aspect(marker.kwargs.get("aspect", Aspect.BEHAVIOUR))


def judged_entry(item: pytest.Item) -> tuple[str, Aspect]:
    """``entry_marker`` of a suite check, which collection made sure is marked."""
    marked = entry_marker(item)
    assert marked is not None, f"{item.nodeid} has no entry marker"
    return marked
