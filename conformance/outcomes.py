"""The words of a verdict: what one check found, and what an entry is.

A check ends in one ``OutcomeKind``; an entry ends in one ``Status``. Both are
string enums (their members are their own strings, in JSON and in messages),
used by the classifier, the verdict, the renderers, the matrix and the tests.
``CheckOutcome`` is what travels from the process that ran a check (an xdist
worker, a forked child) to the one that judges the run.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from .contract import Word


class OutcomeKind(Word):
    """What one check found."""

    PASSED = "passed"
    MISMATCH = "mismatch"  # the backend's answer broke the contract
    ERROR = "error"  # the backend raised (or crashed, or hung) where it should have answered
    UNSUPPORTED = "unsupported"  # the entry lacks a parameter the check needs
    MISSING = "missing"  # the check needed an entry the backend does not define
    SKIPPED = "skipped"  # not judged (an optional entry that is absent, ...)


FAILING_KINDS = (OutcomeKind.MISMATCH, OutcomeKind.ERROR, OutcomeKind.UNSUPPORTED)


class Aspect(Word):
    """What of an entry a check judges: whether it is there, how it is declared, or what it does.
    Only a failure of behaviour makes an entry a suspect for other entries' failures."""

    PRESENCE = "presence"
    SIGNATURE = "signature"
    BEHAVIOUR = "behaviour"


EVALUATORS = frozenset({"eval", "function", "get_value", "batch_get_value"})
"""Entries that compute graphs other entries built: an error they raise is no evidence against them
(Theano, TF1 and the reference report a malformed graph only when it is evaluated)."""
"""The outcomes that make a gap."""


class Status(Word):
    """The verdict on one entry."""

    CONFORM = "conform"  # every check passed
    MISSING = "missing"  # the backend lacks the entry
    MISMATCH = "mismatch"  # an answer broke the contract
    ERROR = "error"  # the backend raised where it should have answered
    EXPECTED = "expected"  # every gap of the entry is in the baseline: known, not a failure
    BLOCKED = "blocked"  # its checks failed only through another entry's gap
    SKIPPED = "skipped"  # not judged: optional and absent, or no semantic checks


STATUSES = tuple(Status)
GAP_STATUSES = (Status.MISSING, Status.MISMATCH, Status.ERROR)
JUDGED_STATUSES = (Status.CONFORM, *GAP_STATUSES, Status.EXPECTED)
"""The denominator of the conformance percentage."""

PRESENCE_CHECK = "presence"
"""The ``check`` name of the presence check of every entry (and of a gap for an absent entry)."""


@dataclass
class CheckOutcome:
    """What one check (one of its phases: setup, call, teardown) found."""

    nodeid: str
    entry: str
    check: str
    kind: OutcomeKind
    message: str = ""
    involved: tuple[str, ...] = ()  # entries the check called
    missing_entry: str = ""  # for kind MISSING: which entry was absent
    reproduction: str = ""
    example: str = ""  # hypothesis' falsifying example, when there is one
    examples: int = 0  # hypothesis examples the check ran
    follows: dict[str, str] = field(default_factory=dict)  # where the families differ: point -> way followed
    aspect: Aspect = Aspect.BEHAVIOUR
    raised_by: str = ""  # the entry whose call raised (or crashed, or hung) where the check failed
    hung_in: str = ""  # the checks in which an evaluator this check called ran out of time (not called since)
    failing_traits: tuple[str, ...] = ()  # traits every failing example's inputs have (see traits.py)
    passes_without: dict[str, int] = field(default_factory=dict)  # trait -> passing examples without it

    def to_dict(self) -> dict[str, Any]:
        """Plain data (strings, numbers, lists), as xdist and ``pickle`` carry it."""
        return {**asdict(self), "kind": str(self.kind), "aspect": str(self.aspect), "involved": list(self.involved),
                "failing_traits": list(self.failing_traits)}

    def to_property(self) -> str:
        """As JSON text: how a check's report carries it (``report.user_properties``), to xdist's
        controller and to the ``<property>`` of a JUnit file alike."""
        return json.dumps(self.to_dict(), sort_keys=True)

    @classmethod
    def from_property(cls, value: str | dict[str, Any]) -> CheckOutcome:
        """The outcome a report carries: JSON text (``to_property``), or plain data (``to_dict``) from
        a check whose process died."""
        return cls.from_dict(json.loads(value) if isinstance(value, str) else value)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CheckOutcome:
        return cls(**{**data, "kind": OutcomeKind(data["kind"]), "aspect": Aspect(data.get("aspect", "behaviour")),
                      "involved": tuple(data.get("involved", ())),
                      "failing_traits": tuple(data.get("failing_traits", ()))})


def check_outcome(phases: dict[str, CheckOutcome]) -> CheckOutcome:
    """The outcome of a whole check from its phases' (``when`` -> outcome, one phase at least): its
    first phase that did not pass, else its call."""
    ordered = [phases[when] for when in ("setup", "call", "teardown", "???") if when in phases]
    failed = [outcome for outcome in ordered if outcome.kind != OutcomeKind.PASSED]
    return failed[0] if failed else phases.get("call", ordered[0])
