"""Where tf_keras and classic Keras 2.3 differ: the answers a check accepts, and which one a backend gave.

A check that judges a point on which the families differ states one answer per
``Way`` (a family, or a named convention of one: Theano's flipped kernels are a
convention of classic Keras 2.3, which its own tests accepted). The run's
contract admits the ways of its families; the backend passes when it gives any
admitted answer, and the check notes which way it followed (``Check.follow``),
so the report can say which family a backend follows.

* ``Answer``: a result to compare within the tolerance, or an exception type to raise;
* ``attempt``: run a computation once, keeping its result or the exception it raised
  (``answer_of``: what an attempt gave, as an ``Answer``);
* ``agree``: judge an attempt against the admitted answers;
* ``either``: for hand-written checks, one block of assertions per way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np

from .compare import Mismatch, assert_results
from .contract import DEFAULT_TOLERANCE, Contract, Family


@dataclass(frozen=True)
class Way:
    """A family of Keras 2, or a named convention within one."""

    family: Family
    convention: str = ""

    def __str__(self) -> str:
        return str(self.family) if not self.convention else f"{self.family} ({self.convention})"

    def admitted_by(self, contract: Contract) -> bool:
        return self.family in contract.families


TF_KERAS = Way(Family.TF_KERAS)
CLASSIC = Way(Family.CLASSIC)


Behaviour = TypeVar("Behaviour")


def both(behaviour: Behaviour) -> list[tuple[Way, Behaviour]]:
    """``behaviour`` (a check for ``either``, an ``Answer`` for ``agree``) as both families' own."""
    return [(TF_KERAS, behaviour), (CLASSIC, behaviour)]


@dataclass(frozen=True)
class Answer:
    """What a call must give: ``expected`` (a result, or a list of them), or an exception of type ``raises``."""

    expected: Any = None
    raises: type[BaseException] | None = None

    def same_as(self, other: Answer) -> bool:
        if self.raises is not None or other.raises is not None:
            return self.raises is other.raises
        return _same_values(self.expected, other.expected)


@dataclass
class Attempt:
    """A computation run once: its result, or the exception it raised."""

    result: Any = None
    error: Exception | None = None


def attempt(compute: Callable[[], Any]) -> Attempt:
    try:
        return Attempt(result=compute())
    except Exception as error:  # judged against the answers; re-raised when none expects it
        return Attempt(error=error)


def answer_of(found: Attempt) -> Answer:
    """What an attempt gave, as an ``Answer``: its result, or the type of the exception it raised."""
    return Answer(raises=type(found.error)) if found.error is not None else Answer(expected=found.result)


def agree(found: Attempt, answers: Sequence[tuple[Way, Answer]], contract: Contract, what: str,
          epsilons: float = DEFAULT_TOLERANCE) -> Way | None:
    """Pass when ``found`` gives one of the ``answers`` whose way ``contract`` admits.

    Returns the way followed when the answers differ (None when they all agree, so
    there is nothing to tell). Otherwise raises: the backend's own exception when no
    answer expects one, else a ``Mismatch`` naming what each way expected.
    """
    __tracebackhide__ = True
    distinct = _distinct([(way, answer) for way, answer in answers if way.admitted_by(contract)])
    failures: list[tuple[Way, BaseException]] = []
    for ways, answer in distinct:
        try:
            _judge(found, answer, what, epsilons)
        except Mismatch as failure:
            failures.append((ways[0], failure))
            continue
        # Telling only when the answer is not every admitted family's own (a convention is always told).
        plain = {way.family for way in ways if not way.convention}
        return None if len(distinct) == 1 or set(contract.families) <= plain else ways[0]
    if found.error is not None and all(answer.raises is None for _, answer in distinct):
        raise found.error
    if len(failures) == 1:
        raise failures[0][1]
    raise Mismatch(f"{what}: the answer is neither family's: "
                   + "; ".join(f"{way} expects: {_without(str(failure), what)}" for way, failure in failures))


def either(alternatives: Sequence[tuple[Way, Callable[[], None]]], contract: Contract, what: str) -> Way | None:
    """Run the admitted alternatives in order (each one a block of assertions for its way,
    on values of its own); the first that passes is the way the backend follows (None when
    that block is both families' behaviour). When none does, the first alternative's failure
    is raised, with what each way found."""
    __tracebackhide__ = True
    admitted = [(way, check) for way, check in alternatives if way.admitted_by(contract)]
    failures: list[tuple[Way, Exception]] = []
    tried: set[int] = set()
    for way, check in admitted:
        if id(check) in tried:  # the same behaviour under both families: judged once
            continue
        tried.add(id(check))
        try:
            check()
        except Exception as failure:
            failures.append((way, failure))
            continue
        shared = sum(other is check for _, other in alternatives) > 1
        return None if shared else way
    first = failures[0][1]
    if len(failures) == 1:
        raise first
    if isinstance(first, Mismatch):
        raise Mismatch(f"{what}: neither family's behaviour: "
                       + "; ".join(f"{way}: {failure}" for way, failure in failures)) from None
    raise first  # the backend's own error, for classification on the entry that raised it


def _judge(found: Attempt, answer: Answer, what: str, epsilons: float) -> None:
    if answer.raises is not None:
        if found.error is None:
            raise Mismatch(f"{what}: expected {answer.raises.__name__}, but nothing was raised")
        if not isinstance(found.error, answer.raises):
            raise Mismatch(f"{what}: expected {answer.raises.__name__}, got {type(found.error).__name__}: "
                           f"{found.error}")
        return
    if found.error is not None:
        raise Mismatch(f"{what}: raised {type(found.error).__name__}: {found.error}")
    assert_results(found.result, answer.expected, what, epsilons)


def _distinct(answers: Sequence[tuple[Way, Answer]]) -> list[tuple[list[Way], Answer]]:
    """The answers merged where they are the same, each with the ways that give it, in order."""
    merged: list[tuple[list[Way], Answer]] = []
    for way, answer in answers:
        for ways, known in merged:
            if known.same_as(answer):
                ways.append(way)
                break
        else:
            merged.append(([way], answer))
    return merged


def _same_values(a: Any, b: Any) -> bool:
    if isinstance(a, (list, tuple)) or isinstance(b, (list, tuple)):
        return (isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)) and len(a) == len(b)
                and all(_same_values(x, y) for x, y in zip(a, b)))
    x, y = np.asarray(a), np.asarray(b)
    return x.shape == y.shape and x.dtype == y.dtype and bool(np.array_equal(x, y, equal_nan=x.dtype.kind in "fc"))


def _without(message: str, what: str) -> str:
    return message[len(what) + 2:] if message.startswith(what + ": ") else message
