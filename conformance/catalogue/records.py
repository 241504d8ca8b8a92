"""The record of one entry, and the calls and examples its generated checks use.

A record is declarative: its name, signature and availability drive the
presence and signature checks and the report's categories; ``calls`` (a
hypothesis strategy of ``Call``) and ``examples`` (pinned calls with their
known answers) drive the value checks of ``conformance.suite.test_catalogue``,
which compare the backend with the reference backend on both routes.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..calls import Call
from ..contract import DEFAULT_TOLERANCE, Contract, Family
from ..families import CLASSIC, TF_KERAS, Answer, Way

AVAILABILITIES = ("required", "core", "tf_keras", "classic")

# The settings of the configuration an entry may take a default from (``Entry.reads``).
SETTINGS = ("floatx", "epsilon", "image_data_format")


@dataclass(frozen=True)
class Example:
    """A pinned call and its known answer, an edge case the contract names.

    ``expected`` is the result (an array, or a tuple of arrays for entries
    with several results); float64 arrays in ``call`` and ``expected`` stand
    for "in floatx" and are cast to the run's floatx, unless ``dtype`` names
    the result's dtype. ``raises`` instead of ``expected``: the call must raise
    that exception type. ``why`` says which part of the contract it pins.
    ``classic``: where classic Keras 2.3 answers otherwise than tf_keras, its
    answer (``expected`` and ``raises`` are then tf_keras'), with the evidence in ``why``.
    """

    call: Call
    expected: Any = None
    why: str = ""
    raises: type[BaseException] | None = None
    dtype: str | None = None
    classic: Answer | None = None

    def answers(self) -> list[tuple[Way, Answer]]:
        """The answer of each way (the same for both families unless ``classic`` is given)."""
        own = Answer(self.expected, self.raises)
        return [(TF_KERAS, own), (CLASSIC, self.classic or own)]


@dataclass(frozen=True)
class Entry:
    """One entry of the Keras 2 backend API.

    * ``signature``: the contract's parameters as written in Python
      (``"x, axis=None, keepdims=False"``); a backend's entry must take them in
      this order with these defaults, and may add optional parameters.
      ``newer`` names trailing parameters only tf_keras has: lacking them is
      an "unsupported" gap, not a mismatch.
    * ``availability``: ``required`` (Keras 2 refuses a backend without it),
      ``core`` (tf_keras has it, and classic Keras 2.3 has it or its common
      module supplies it), ``tf_keras`` / ``classic`` (only one family has it).
      ``required_by`` (set by the catalogue) names the families that require it
      of a backend module: a contract requires the entry when all its families
      do; otherwise it is checked when present and skipped when absent.
    * ``calls``: ``floatx -> strategy of Call``, the inputs of the generated
      comparison with the reference; None when hand-written checks cover it.
      An entry reading ``image_data_format`` takes ``(floatx, layouts)``: calls
      in one of ``layouts`` (all of them by default).
    * ``examples``: pinned calls with known answers, checked on both routes.
    * ``tolerance``: float tolerance in epsilons of the result dtype, when the
      entry's numerics justify another than the default (say why next to it).
    * ``routes``: the routes its value checks take (both unless the entry
      has no tensor input to feed).
    * ``reads``: the settings of the configuration (``SETTINGS``) the entry
      takes a default from (a dtype, a fuzz factor, a layout). A default run
      judges it under another value of each too, since a run under one value
      cannot tell an entry that follows the setting from one that hard-codes it:
      ``floatx`` and ``epsilon`` in ``suite/test_settings_in_force.py``,
      ``image_data_format`` in ``suite/test_conv.py`` (whose ``calls`` then take
      ``(floatx, layouts)`` and are drawn in the layout in force).
    """

    name: str
    signature: str | None = None
    availability: str = "core"
    newer: tuple[str, ...] = ()
    calls: Callable[..., Any] | None = None
    examples: tuple[Example, ...] = ()
    tolerance: float = DEFAULT_TOLERANCE
    routes: tuple[str, ...] = ("eager", "graph")
    reads: tuple[str, ...] = ()
    category: str = ""
    required_by: frozenset[Family] = frozenset()

    def __post_init__(self) -> None:
        if self.availability not in AVAILABILITIES:
            raise ValueError(f"{self.name}: availability {self.availability!r} not in {AVAILABILITIES}")
        if self.signature is not None:
            names = list(self.parameters())
            unknown = [n for n in self.newer if n not in names]
            if unknown:
                raise ValueError(f"{self.name}: newer parameters {unknown} are not in its signature")
        if not set(self.reads) <= set(SETTINGS):
            raise ValueError(f"{self.name}: reads {self.reads}, settings are {SETTINGS}")

    def optional(self, contract: Contract) -> bool:
        """Whether a backend may lack this entry without a gap under ``contract``."""
        return not set(contract.families) <= self.required_by

    def absence_note(self) -> str:
        """Why an absent optional entry is not judged, as checks and the report say it."""
        if not self.required_by:
            return "optional (no family requires it) and not defined"
        return f"optional (required by {' and '.join(sorted(self.required_by))} only) and not defined"

    def parameters(self) -> dict[str, inspect.Parameter]:
        """The contract's parameters by name, in order (``**kwargs`` and ``*args`` excluded)."""
        namespace: dict[str, Any] = {}
        exec(f"def contract({self.signature}): pass", namespace)  # the signature is our own source text
        return {name: p for name, p in inspect.signature(namespace["contract"]).parameters.items()
                if p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)}
