"""Outcomes and run descriptions made by hand, for the unit tests of the verdict and its renderings."""

from __future__ import annotations

from typing import Any

from conformance.outcomes import CheckOutcome, OutcomeKind
from conformance.verdict import GapReport, RunInfo, judge

INFO = RunInfo(backend="b", source="--backend", file="b.py", version="1", floatx="float32",
               image_data_format="channels_last", hypothesis="profile conformance", keras_2_3_missing=[])


def outcome(entry: str, kind: str = "passed", involved: tuple[str, ...] | list[str] = (), check: str = "check",
            **extra: Any) -> CheckOutcome:
    """One check's outcome; the node id is unique per (entry, check, kind, involved)."""
    return CheckOutcome(nodeid=f"{entry}::{check}::{kind}::{'-'.join(involved)}", entry=entry, check=check,
                        kind=OutcomeKind(kind), involved=tuple(involved), **extra)


def report(outcomes: list[CheckOutcome], selected: tuple[str, ...] = ("eval", "variable", "constant", "zeros"),
           **options: Any) -> GapReport:
    return judge(INFO, selected, outcomes, **options)
