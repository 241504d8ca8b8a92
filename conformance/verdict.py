"""The verdict of a run: from the outcomes of all checks to one status per entry.

``judge`` is the whole of it. An entry is ``missing`` when the backend lacks
it (``skipped`` when it is optional), a gap (``mismatch`` or ``error``) when a
failing check is blamed on it, ``expected`` when every gap it has is in the
baseline, ``blocked`` when its checks failed only through another entry's gap,
``conform`` when a check of it passed and none failed, else ``skipped``.

Blame follows evidence, and not run order, so a serial and a parallel run give
the same verdict:

1. A call of another entry that raised (or crashed, or hung) where the check
   failed is that entry's gap, and the checked entry is ``blocked`` by it;
   except the evaluators (``eval``, ``function``, ...), which only run graphs
   other entries built: a graph that never finishes is the gap of the entry
   whose check built it (Theano compiling one gradient for minutes), and the
   evaluator stays callable. One that ran out of time in several checks is not
   called again in that process (``recording.EntryHung``): a later check that
   needed it is ``blocked`` by the evaluator, which has the gap.
2. Other failures go to a suspect the check called: the entries that explain
   most failures are blamed first (greedy cover). Only an entry whose own
   behaviour failed is a suspect: a gap of presence or signature, or gaps all
   in the baseline, explain nothing else (tf_keras' ``function`` rejects updates
   in eager mode; that does not explain an rnn bug).

An entry the contract makes optional and the backend lacks is ``skipped``,
whatever its checks found without it.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from . import causes
from .baseline import Baseline, KnownGap
from .catalogue import CATALOGUE
from .contract import Contract
from .outcomes import (
    EVALUATORS,
    FAILING_KINDS,
    GAP_STATUSES,
    JUDGED_STATUSES,
    PRESENCE_CHECK,
    Aspect,
    CheckOutcome,
    OutcomeKind,
    Status,
)
from .traits import explaining

Covering = Callable[[str, str], "KnownGap | None"]


@dataclass
class Gap:
    """One way an entry departs from the contract: the check that showed it and how."""

    check: str
    kind: OutcomeKind
    message: str
    reproduction: str = ""
    example: str = ""
    known: KnownGap | None = None  # the baseline's gap that expects it, if any
    aspect: Aspect = Aspect.BEHAVIOUR  # what of the entry the check judged (its signature, ...)


@dataclass
class EntryVerdict:
    """The verdict on one entry."""

    name: str
    category: str
    availability: str
    status: Status = Status.SKIPPED
    checks_passed: int = 0
    checks_total: int = 0
    gaps: list[Gap] = field(default_factory=list)
    blocked_by: list[str] = field(default_factory=list)
    note: str = ""
    follows: dict[str, str] = field(default_factory=dict)  # where the families differ: point -> way followed

    def new_gaps(self) -> list[Gap]:
        """The gaps no baseline expects."""
        return [gap for gap in self.gaps if gap.known is None]


@dataclass
class RunInfo:
    """What was tested, for the report's header."""

    backend: str
    source: str
    file: str
    version: str
    floatx: str
    image_data_format: str
    hypothesis: str
    contract: Contract = Contract.KERAS_2
    keras_2_3_missing: list[str] | None = None  # None when the module did not import
    load_error: str = ""
    setup: str = ""  # --backend-setup, run before the backend was imported


@dataclass
class BaselineAudit:
    """How the run's outcomes compare with a baseline: which known gaps are gone."""

    path: str
    known: int  # gaps in the file
    fixed: list[KnownGap] = field(default_factory=list)  # every check it covers passed: remove it
    unmatched: list[KnownGap] = field(default_factory=list)  # covers no check that ran: stale or a typo

    def warnings(self) -> list[str]:
        return ([f"baseline: {gap.label()} now conforms: fixed, remove it from {self.path}" for gap in self.fixed]
                + [f"baseline: {gap.label()} matches no check that ran: correct it or remove it from {self.path}"
                   for gap in self.unmatched])


@dataclass
class GapReport:
    """The verdicts on the selected entries, with what the run was and how it was judged."""

    info: RunInfo
    entries: dict[str, EntryVerdict]
    checks: int = 0  # checks run
    examples: int = 0  # hypothesis examples run by them
    unattributed: list[str] = field(default_factory=list)  # failures no entry could be blamed for
    baseline: Baseline | None = None
    audit: BaselineAudit | None = None
    blamed: list[tuple[CheckOutcome, str]] = field(default_factory=list)  # every failing check, the entry blamed
    outcomes: list[CheckOutcome] = field(default_factory=list)  # every check judged
    not_run: list[str] = field(default_factory=list)  # selected checks that never ran (an interrupt, -x, a lost worker)

    def counts(self) -> dict[Status, int]:
        tally = Counter(verdict.status for verdict in self.entries.values())
        return {status: tally.get(status, 0) for status in Status}

    def with_status(self, *statuses: Status) -> list[EntryVerdict]:
        return [verdict for verdict in self.entries.values() if verdict.status in statuses]

    def has_gaps(self) -> bool:
        return bool(self.info.load_error) or bool(self.unattributed) or bool(self.with_status(*GAP_STATUSES))

    def incomplete(self) -> bool:
        """Whether some selected checks never ran: the verdict may then call a broken entry conforming."""
        return bool(self.not_run)

    def baseline_failures(self, strict: bool) -> list[str]:
        """What fails the run about the baseline itself: under ``strict``, gaps fixed or stale."""
        return self.audit.warnings() if strict and self.audit else []

    def common_causes(self) -> dict[str, list[str]]:
        """Trait -> the entries (two or more) each of whose failing checks fail only on inputs with
        that trait: one probable root cause, not that many separate gaps (see ``traits``)."""
        explained: dict[str, list[str]] = {}
        for verdict in self.with_status(*GAP_STATUSES):
            failing = [o for o, culprit in self.blamed
                       if culprit == verdict.name and o.entry == verdict.name and o.aspect is Aspect.BEHAVIOUR]
            own = [o for o in self.outcomes if o.entry == verdict.name]
            for trait in explaining([o.failing_traits for o in failing], [o.passes_without for o in own]):
                explained.setdefault(trait, []).append(verdict.name)
        return {trait: names for trait, names in sorted(explained.items()) if len(names) >= 2}

    def ways_followed(self) -> dict[str, list[str]]:
        """Way -> the points (``entry: point``) where the backend followed it, the families differing there."""
        ways: dict[str, list[str]] = {}
        for verdict in self.entries.values():
            for point, way in sorted(verdict.follows.items()):
                ways.setdefault(way, []).append(f"{verdict.name}: {point}")
        return dict(sorted(ways.items()))

    def judged(self) -> int:
        counts = self.counts()
        return sum(counts[s] for s in JUDGED_STATUSES)

    def conformance_percent(self) -> float | None:
        """Conforming entries as a percentage of the judged ones (conform + gaps, expected or not)."""
        judged = self.judged()
        return None if judged == 0 else round(100.0 * self.counts()[Status.CONFORM] / judged, 1)

    def known_gaps(self) -> list[KnownGap]:
        """The run's failures as a baseline: known gaps kept as written, new ones to triage.

        Every failing check is listed under its own entry, including those
        blamed on another entry: once that entry's gap is known, it no longer
        explains them (see the module docstring), so a run with the written
        baseline has no new gap. Known gaps of entries this run did not select
        are kept too, so writing from a partial run (``--entries``) loses nothing.
        """
        covering = _covering(self.baseline)
        gaps: dict[KnownGap, None] = {}
        for gap in self.baseline.gaps if self.baseline else ():
            if gap.entry not in self.entries:
                gaps[gap] = None
        for verdict in self.with_status(Status.MISSING, Status.EXPECTED):
            for found in (g for g in verdict.gaps if g.check == PRESENCE_CHECK):
                gaps[covering(verdict.name, PRESENCE_CHECK)
                     or _to_triage(verdict.name, None, found.message or "not defined")] = None
        for outcome, culprit in sorted(self.blamed, key=lambda pair: pair[0].nodeid):
            through = "" if culprit == outcome.entry else f"(failed through {culprit}) "
            gaps[covering(outcome.entry, outcome.check)
                 or _to_triage(outcome.entry, outcome.check, through + outcome.message)] = None
        return list(gaps)


def judge(info: RunInfo, selected: Iterable[str], outcomes: Iterable[CheckOutcome],
          unattributed: list[str] | None = None, baseline: Baseline | None = None,
          not_run: Iterable[str] = ()) -> GapReport:
    """The verdict on each of ``selected`` from the ``outcomes`` of the run's checks (see the module docstring)."""
    verdicts = {name: EntryVerdict(name, CATALOGUE[name].category, CATALOGUE[name].availability) for name in selected}
    known = _covering(baseline)
    judged = sorted((_as_judged(o, info.contract) for o in outcomes if o.entry in verdicts), key=lambda o: o.nodeid)
    for outcome in judged:
        verdict = verdicts[outcome.entry]
        verdict.checks_total += 1
        verdict.checks_passed += outcome.kind == OutcomeKind.PASSED
        verdict.follows.update(outcome.follows)
    for outcome in judged:
        verdict = verdicts[outcome.entry]
        if _lacks_itself(outcome) and verdict.status != Status.MISSING:
            verdict.status = Status.MISSING
            verdict.gaps.append(Gap(PRESENCE_CHECK, OutcomeKind.MISSING, outcome.message,
                                    known=known(outcome.entry, PRESENCE_CHECK)))
    for outcome in judged:
        verdict = verdicts[outcome.entry]
        if outcome.kind == OutcomeKind.MISSING and not _lacks_itself(outcome) and verdict.status != Status.MISSING:
            _block(verdict, f"{outcome.missing_entry} (missing)")
    absent = {o.entry for o in judged if o.aspect is Aspect.PRESENCE and o.kind == OutcomeKind.SKIPPED}
    failing = [o for o in judged if o.kind in FAILING_KINDS and verdicts[o.entry].status != Status.MISSING
               and o.entry not in absent]
    suspects = {o.entry for o in failing
                if o.aspect is Aspect.BEHAVIOUR and known(o.entry, o.check) is None}
    blamed = _assign_blame(failing, suspects)
    for outcome, culprit in blamed:
        if culprit != outcome.entry:
            _block(verdicts[outcome.entry], culprit)
        if culprit == outcome.entry or outcome.raised_by == culprit:
            _add_gap(verdicts.get(culprit), outcome, known(culprit, outcome.check))
    for verdict in verdicts.values():
        _settle(verdict, [o for o in judged if o.entry == verdict.name])
    return GapReport(info, verdicts, checks=len(judged), examples=sum(o.examples for o in judged),
                     unattributed=sorted(unattributed or []), baseline=baseline,
                     audit=None if baseline is None else _audit(baseline, verdicts, judged), blamed=blamed,
                     outcomes=judged, not_run=sorted(not_run))


def _covering(baseline: Baseline | None) -> Covering:
    return baseline.covering if baseline else lambda entry, check: None


def _lacks_itself(outcome: CheckOutcome) -> bool:
    return outcome.kind == OutcomeKind.MISSING and outcome.missing_entry == outcome.entry


def _as_judged(outcome: CheckOutcome, contract: Contract) -> CheckOutcome:
    """An optional entry may be absent: its own absence is a skip, not a gap."""
    if _lacks_itself(outcome) and CATALOGUE[outcome.entry].optional(contract):
        return dataclasses.replace(outcome, kind=OutcomeKind.SKIPPED)
    return outcome


def _add_gap(verdict: EntryVerdict | None, outcome: CheckOutcome, known: KnownGap | None) -> None:
    """A failing check as a gap of ``verdict``'s entry (its own check, or one whose call of it raised)."""
    if verdict is None:  # an entry this run did not select
        return
    is_error = outcome.kind == OutcomeKind.ERROR or verdict.status == Status.ERROR
    verdict.status = Status.ERROR if is_error else Status.MISMATCH
    verdict.gaps.append(Gap(outcome.check, outcome.kind, outcome.message, outcome.reproduction, outcome.example, known,
                            outcome.aspect))


def _assign_blame(failing: list[CheckOutcome], suspects: set[str]) -> list[tuple[CheckOutcome, str]]:
    """Pair each failing check with the entry to blame (see the module docstring): the entry
    whose call raised, when there is one; else by greedy cover over the ``suspects`` it called."""
    stalled = [o for o in failing if o.hung_in]  # met an evaluator that is not called again: its gap
    direct = [o for o in failing
              if o.raised_by and o.raised_by != o.entry and o.raised_by not in EVALUATORS and o not in stalled]
    blamed: list[tuple[CheckOutcome, str]] = [(o, o.raised_by) for o in stalled]
    blamed += [(o, o.raised_by) for o in direct]
    unexplained = [o for o in failing if o not in direct and o not in stalled]
    owners = Counter(o.entry for o in unexplained)
    order = {name: index for index, name in enumerate(CATALOGUE)}

    def explains(candidate: str, outcome: CheckOutcome) -> bool:
        return candidate == outcome.entry or (candidate in suspects and candidate in outcome.involved)

    def reach(candidate: str, failures: list[CheckOutcome]) -> int:
        return sum(explains(candidate, o) for o in failures)

    while unexplained:
        culprit = min(owners, key=lambda c: (-reach(c, unexplained), -owners[c], order.get(c, len(order)), c))
        explained = [o for o in unexplained if explains(culprit, o)]
        blamed += [(o, culprit) for o in explained]
        unexplained = [o for o in unexplained if o not in explained]
        del owners[culprit]
    return blamed


def _block(verdict: EntryVerdict, culprit: str) -> None:
    if culprit not in verdict.blocked_by:
        verdict.blocked_by.append(culprit)


def _settle(verdict: EntryVerdict, outcomes: list[CheckOutcome]) -> None:
    """The final status of an entry: gaps become ``expected`` when all are known;
    an entry without gaps is blocked, skipped or conform."""
    if verdict.status in GAP_STATUSES:
        new = verdict.new_gaps()
        if not new:
            verdict.status = Status.EXPECTED
        elif verdict.status != Status.MISSING:
            verdict.status = causes.status(verdict.name, new)
        return
    if verdict.blocked_by:
        verdict.status = Status.BLOCKED
        return
    presence = [o for o in outcomes if o.check == PRESENCE_CHECK]
    semantic = [o for o in outcomes if o.check != PRESENCE_CHECK]
    if presence and all(o.kind == OutcomeKind.SKIPPED for o in presence):
        verdict.status, verdict.note = Status.SKIPPED, CATALOGUE[verdict.name].absence_note()
    elif any(o.kind == OutcomeKind.PASSED for o in semantic):
        verdict.status = Status.CONFORM
    elif semantic:
        verdict.status, verdict.note = Status.SKIPPED, "every check skipped"
    else:
        verdict.status, verdict.note = Status.SKIPPED, "defined; no semantic checks yet"


def _audit(baseline: Baseline, verdicts: dict[str, EntryVerdict], outcomes: list[CheckOutcome]) -> BaselineAudit:
    """Which known gaps of the selected entries are gone: every check they cover
    passed (fixed), or they cover no check that ran (unmatched). A check still
    failing, for whatever reason, or only skipped, keeps its known gap."""
    audit = BaselineAudit(baseline.path, len(baseline.gaps))
    for gap in baseline.gaps:
        if gap.entry not in verdicts:
            continue  # not selected (--entries): not judged
        # A check covers its own entry's gaps and, where blame landed on the entry whose call raised,
        # that entry's gaps too (a baseline lists a gap where the report shows it).
        covered = [o for o in outcomes
                   if gap.covers(o.entry, o.check) or (o.raised_by and gap.covers(o.raised_by, o.check))]
        if not covered:
            audit.unmatched.append(gap)
        elif (all(o.kind in (OutcomeKind.PASSED, OutcomeKind.SKIPPED) for o in covered)
              and any(o.kind == OutcomeKind.PASSED for o in covered)):
            audit.fixed.append(gap)
    return audit


def _to_triage(entry: str, check: str | None, message: str) -> KnownGap:
    summary = (message.splitlines() or [""])[0]
    return KnownGap(entry=entry, category="bug", reason=f"TODO: triage. Found: {summary}", check=check)
