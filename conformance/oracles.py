"""The oracles of the value checks: what an entry must answer for a call, one per way of Keras 2.

* tf_keras: the reference backend (``reference_backend``), which follows tf_keras;
* keras-2.3: its classic variant (``reference_backend.classic``), which answers as
  classic Keras 2.2/2.3 where the families differ and as the reference elsewhere.

A run consults the oracles its contract admits (``ConformanceRun.oracles``); a
check passes when the backend gives any of their answers (``families.agree``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from .calls import Call
from .contract import Contract
from .families import CLASSIC, TF_KERAS, Answer, Way, attempt
from .routes import evaluate


@dataclass(frozen=True)
class Oracle:
    """A way of Keras 2 and the backend module that computes its answers."""

    way: Way
    module: ModuleType

    def answer(self, name: str, call: Call) -> Answer:
        """What entry ``name`` answers for ``call`` this way: a result (computed eagerly), or the exception raised."""
        function: Callable[..., Any] = getattr(self.module, name)
        found = attempt(lambda: evaluate(self.module, "eager", function, *call.args, what=name, **call.kwargs))
        return Answer(raises=type(found.error)) if found.error is not None else Answer(expected=found.result)


def oracles(contract: Contract) -> list[Oracle]:
    """The oracles ``contract`` admits, tf_keras first."""
    every = [Oracle(TF_KERAS, importlib.import_module("reference_backend")),
             Oracle(CLASSIC, importlib.import_module("reference_backend.classic"))]
    return [oracle for oracle in every if oracle.way.admitted_by(contract)]


def answers(admitted: list[Oracle], name: str, call: Call) -> list[tuple[Way, Answer]]:
    """Each admitted oracle's answer to ``call`` of entry ``name`` (computed once per
    implementation: where the families agree, the classic module's entry is the reference's)."""
    computed: dict[int, Answer] = {}
    found = []
    for oracle in admitted:
        function = getattr(oracle.module, name)
        if id(function) not in computed:
            computed[id(function)] = oracle.answer(name, call)
        found.append((oracle.way, computed[id(function)]))
    return found
