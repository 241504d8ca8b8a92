"""One root cause, one block: an entry's gaps grouped by the defect that explains them.

A defect shows in many checks, each in its own words: a ``relu`` without ``alpha`` fails its signature
check and raises ``TypeError`` in every check that passes ``alpha=``, each call a different one. The
report shows each defect once, listing the checks it covers, and the status it gives its entry depends
on the defect, not on which of those checks a run selected:

* **a parameter of the contract the entry lacks**: every call that raised ``TypeError: ... unexpected
  keyword argument 'P'`` (``P`` a parameter of the entry's contract), and the entry's signature gap, which
  lacking ``P`` necessarily causes: a ``mismatch`` (the signature breaks the contract; the calls' errors
  only follow from it), whether or not the signature check ran;
* **an exception the entry raised**: the same exception type and message, numbers aside (``index 5 is
  out of bounds`` and ``index 7 is out of bounds`` are one defect): an ``error``;
* anything else (a wrong answer, a signature gap of another kind): its own message, whichever route
  (eager, graph) the check took: a ``mismatch``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from .catalogue import CATALOGUE
from .outcomes import Aspect, OutcomeKind, Status

# classify.py's words for a backend call that raised: "K.relu(t1, alpha=0.0) raised TypeError: relu() got ...".
_RAISED = re.compile(r" raised ([\w.]+): (.*)")
# CPython's words for a keyword argument the function does not take.
_UNEXPECTED_KEYWORD = re.compile(r"unexpected keyword argument '(\w+)'")
_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?")
# The routes by which a check feeds an entry (routes.py): the same wrong answer by both is one defect.
_ROUTE = re.compile(r" by the (?:eager|graph) route")
_LACKED = "lacks parameters of the contract"  # the key of that cause (a message never starts with it)


class Shown(Protocol):
    """A gap as the verdict records it (``verdict.Gap``): the check that showed it and how."""

    check: str
    kind: OutcomeKind
    message: str
    aspect: Aspect


G = TypeVar("G", bound=Shown)


@dataclass
class Cause(Generic[G]):
    """One defect of an entry and the gaps that show it: the first states it (the signature gap,
    when the defect is a lacking parameter), the others follow in the order they were found."""

    status: Status  # Status.MISMATCH or Status.ERROR
    gaps: list[G] = field(default_factory=list)

    def checks(self) -> list[str]:
        """The checks that showed it, once each, in order."""
        return list(dict.fromkeys(gap.check for gap in self.gaps))


def causes(entry: str, gaps: Sequence[G]) -> list[Cause[G]]:
    """``gaps`` (of ``entry``) grouped by root cause, in the order each cause first appears; a lacking
    parameter's cause comes first, headed by the signature gap."""
    lacked = {id(gap) for gap in gaps if lacked_parameter(entry, gap)}
    grouped: dict[str, Cause[G]] = {}
    for gap in gaps:
        if id(gap) in lacked or (gap.aspect is Aspect.SIGNATURE and lacked):
            key, gives = _LACKED, Status.MISMATCH
        elif gap.kind is OutcomeKind.ERROR:
            key, gives = f"error: {_raised(gap.message)}", Status.ERROR
        else:
            key, gives = f"{gap.kind}: {_ROUTE.sub('', gap.message)}", Status.MISMATCH
        grouped.setdefault(key, Cause[G](gives)).gaps.append(gap)
    found = list(grouped.values())
    for cause in found:
        cause.gaps.sort(key=lambda gap: gap.aspect is not Aspect.SIGNATURE)  # stable: the signature gap first
    return sorted(found, key=lambda cause: cause is not grouped.get(_LACKED))


def status(entry: str, gaps: Sequence[Shown]) -> Status:
    """The status ``gaps`` give ``entry``: ``error`` when one of their causes is an exception it raised
    (not one a lacking parameter explains), else ``mismatch``."""
    return Status.ERROR if any(c.status is Status.ERROR for c in causes(entry, gaps)) else Status.MISMATCH


def lacked_parameter(entry: str, gap: Shown) -> str:
    """The parameter of ``entry``'s contract a call refused as an unexpected keyword ("" if none)."""
    record = CATALOGUE.get(entry)
    raised = _RAISED.search((gap.message.splitlines() or [""])[0])
    if gap.kind is not OutcomeKind.ERROR or record is None or record.signature is None or raised is None:
        return ""
    unexpected = _UNEXPECTED_KEYWORD.search(raised.group(2)) if raised.group(1) == "TypeError" else None
    return unexpected.group(1) if unexpected and unexpected.group(1) in record.parameters() else ""


def _raised(message: str) -> str:
    """What an error's message says was raised, numbers aside (the whole first line when it names no
    exception: a crash, a hang)."""
    first = (message.splitlines() or [""])[0]
    raised = _RAISED.search(first)
    return _NUMBER.sub("N", f"{raised.group(1)}: {raised.group(2)}" if raised else first)
