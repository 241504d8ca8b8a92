"""The oracles of the value checks: what an entry must answer for a call, one per way of Keras 2.

* tf_keras: the reference backend (``reference_backend``), which follows tf_keras;
* keras-2.3: its classic variant (``reference_backend.classic``), which answers as
  classic Keras 2.2/2.3 where the families differ and as the reference elsewhere;
* keras-2.3 (a convention): the other answers classic Keras 2.3 accepted where its
  own backends disagreed (``reference_backend.classic.CONVENTIONS``: Theano's
  flipped kernels, its CTC, ...).

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
from .contract import Contract, Family
from .families import CLASSIC, TF_KERAS, Answer, Way, answer_of, attempt
from .routes import evaluate


@dataclass(frozen=True)
class Oracle:
    """A way of Keras 2 and how it answers: a backend module computing every entry
    (``module``), or one function for one entry (``entry``, ``function``, on numpy arrays)."""

    way: Way
    module: ModuleType | None = None
    entry: str = ""
    function: Callable[..., Any] | None = None

    def implementation(self, name: str) -> Callable[..., Any] | None:
        """What computes entry ``name`` this way (None: this oracle does not answer for it)."""
        if self.module is not None:
            return getattr(self.module, name, None)
        return self.function if name == self.entry else None

    def differentiated_by(self, name: str) -> ModuleType | None:
        """The module whose placeholders, ``gradients`` and ``function`` differentiate this way's
        ``name``: the oracle's own, or for a convention that is an op of the reference with a
        gradient rule the classic module; None when this way has no gradient to compare."""
        if self.module is not None:
            return self.module
        if name == self.entry and getattr(self.function, "gradient_rule", None) is not None:
            return importlib.import_module("reference_backend.classic")
        return None

    def answer(self, name: str, call: Call) -> Answer:
        """What entry ``name`` answers for ``call`` this way: a result, or the exception raised."""
        function = self.implementation(name)
        assert function is not None, f"{self.way} has no answer for {name}"
        if self.module is not None:
            module = self.module
            found = attempt(lambda: evaluate(module, "eager", function, *call.args, what=name, **call.kwargs))
        else:
            found = attempt(lambda: function(*call.args, **call.kwargs))
        return answer_of(found)


def oracles(contract: Contract) -> list[Oracle]:
    """The oracles ``contract`` admits, tf_keras first, then classic Keras 2.3 and its conventions."""
    classic = importlib.import_module("reference_backend.classic")
    every = [Oracle(TF_KERAS, importlib.import_module("reference_backend")), Oracle(CLASSIC, classic)]
    every += [Oracle(Way(Family.CLASSIC, convention), entry=entry, function=function)
              for entry, ways in classic.CONVENTIONS.items() for convention, function in ways]
    return [oracle for oracle in every if oracle.way.admitted_by(contract)]


def answers(admitted: list[Oracle], name: str, call: Call) -> list[tuple[Way, Answer]]:
    """Each admitted oracle's answer to ``call`` of entry ``name`` (computed once per
    implementation: where the families agree, the classic module's entry is the reference's)."""
    computed: dict[int, Answer] = {}
    found = []
    for oracle in admitted:
        function = oracle.implementation(name)
        if function is None:
            continue
        if id(function) not in computed:
            computed[id(function)] = oracle.answer(name, call)
        found.append((oracle.way, computed[id(function)]))
    return found
