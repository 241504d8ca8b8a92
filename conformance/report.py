"""The gap report: from the outcomes of all checks to one status per entry.

Statuses: ``conform`` (every check passed), ``missing`` (the backend lacks the
entry), ``mismatch`` (an answer broke the contract), ``error`` (the backend
raised where it should have answered), ``expected`` (every gap of the entry
is in the baseline: known, not a failure), ``blocked`` (its checks failed only
through another entry's gap), ``skipped`` (not judged: optional and absent, or
no semantic checks yet). ``missing``, ``mismatch`` and ``error`` are gaps.

Blame is assigned from what the failing checks called, not from run order, so
a serial and a parallel run give the same report: a failing check involves
its own entry and every entry it called; the entries that explain most of the
failures are blamed first (greedy cover), and a failure explained by another
entry's gap makes its own entry ``blocked`` rather than a gap. An entry whose
failing checks are all in the baseline is no suspect for other entries'
failures: the baseline declares its failures irrelevant to them (tf_keras'
``function`` rejects updates in eager mode; that does not explain an rnn bug).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable

from .baseline import Baseline, KnownGap, render
from .catalogue import CATALOGUE, CATEGORIES, KERAS_2_3_IMPORTS

SCHEMA_VERSION = 2  # 2: the ``expected`` status and the ``baseline`` section
STATUSES = ("conform", "missing", "mismatch", "error", "expected", "blocked", "skipped")
GAP_STATUSES = ("missing", "mismatch", "error")
JUDGED_STATUSES = ("conform", *GAP_STATUSES, "expected")  # the denominator of the conformance percentage
FAILING_KINDS = ("mismatch", "error", "unsupported")  # check outcomes that make a gap
PRESENCE_CHECK = "presence"
LOADER_NAMES_SHOWN = 12  # in the terminal and Markdown; the JSON report lists them all  # the ``check`` name of the presence check of each entry


@dataclass
class CheckOutcome:
    """What one check found. ``kind``: passed, mismatch, error, unsupported, missing, skipped."""

    nodeid: str
    entry: str
    check: str
    kind: str
    message: str = ""
    involved: tuple[str, ...] = ()  # entries the check called
    missing_entry: str = ""  # for kind "missing": which entry was absent
    reproduction: str = ""
    example: str = ""  # hypothesis' falsifying example, when there is one
    examples: int = 0  # hypothesis examples the check ran

    def to_dict(self) -> dict:
        return {**asdict(self), "involved": list(self.involved)}

    @classmethod
    def from_dict(cls, data: dict) -> CheckOutcome:
        return cls(**{**data, "involved": tuple(data.get("involved", ()))})


@dataclass
class EntryResult:
    """The verdict on one entry."""

    name: str
    category: str
    availability: str
    status: str = "skipped"
    checks_passed: int = 0
    checks_total: int = 0
    gaps: list[dict] = field(default_factory=list)  # {check, kind, message, reproduction, example, expected}
    blocked_by: list[str] = field(default_factory=list)
    note: str = ""


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
    keras_2_3_missing: list[str] | None = None  # None when the module did not import
    load_error: str = ""


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

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "known_gaps": self.known, "fixed": [_gap_json(g) for g in self.fixed],
                "unmatched": [_gap_json(g) for g in self.unmatched]}


class GapReport:
    """The verdicts on a set of entries, with renderers for terminal, JSON and Markdown."""

    def __init__(self, info: RunInfo, entries: dict[str, EntryResult], checks: int = 0, examples: int = 0,
                 unattributed: list[str] | None = None, baseline: Baseline | None = None,
                 audit: BaselineAudit | None = None):
        self.info = info
        self.entries = entries
        self.baseline = baseline
        self.audit = audit
        self.blamed: list[tuple[CheckOutcome, str]] = []  # every failing check and the entry blamed for it
        self.unattributed = sorted(unattributed or [])  # failures of the run no entry could be blamed for
        self.checks = checks  # checks run
        self.examples = examples  # hypothesis examples run by them

    @classmethod
    def build(cls, info: RunInfo, selected: Iterable[str], outcomes: Iterable[CheckOutcome],
              unattributed: list[str] | None = None, baseline: Baseline | None = None) -> GapReport:
        results = {name: EntryResult(name, CATALOGUE[name].category, CATALOGUE[name].availability)
                   for name in selected}
        known = baseline.covering if baseline else lambda entry, check: None
        outcomes = sorted((o for o in outcomes if o.entry in results), key=lambda o: o.nodeid)
        for outcome in outcomes:
            result = results[outcome.entry]
            result.checks_total += 1
            result.checks_passed += outcome.kind == "passed"
        for outcome in outcomes:
            if outcome.kind == "missing" and outcome.missing_entry == outcome.entry:
                if CATALOGUE[outcome.entry].optional:
                    outcome.kind = "skipped"  # an optional entry may be absent
                elif results[outcome.entry].status != "missing":
                    results[outcome.entry].status = "missing"
                    results[outcome.entry].gaps.append({
                        "check": PRESENCE_CHECK, "kind": "missing", "message": outcome.message,
                        "reproduction": "", "example": "",
                        "expected": _expected_json(known(outcome.entry, PRESENCE_CHECK))})
        for outcome in outcomes:
            result = results[outcome.entry]
            if outcome.kind == "missing" and outcome.missing_entry != outcome.entry and result.status != "missing":
                _block(result, f"{outcome.missing_entry} (missing)")
        failing = [o for o in outcomes if o.kind in FAILING_KINDS and results[o.entry].status != "missing"]
        quiet = {o.entry for o in failing} - {o.entry for o in failing if known(o.entry, o.check) is None}
        blamed = _assign_blame(failing, quiet)
        for outcome, culprit in blamed:
            result = results[outcome.entry]
            if culprit == outcome.entry:
                result.status = "error" if outcome.kind == "error" or result.status == "error" else "mismatch"
                result.gaps.append({"check": outcome.check, "kind": outcome.kind, "message": outcome.message,
                                    "reproduction": outcome.reproduction, "example": outcome.example,
                                    "expected": _expected_json(known(outcome.entry, outcome.check))})
            else:
                _block(result, culprit)
        for result in results.values():
            _settle(result, [o for o in outcomes if o.entry == result.name])
        audit = None if baseline is None else _audit(baseline, results, outcomes)
        report = cls(info, results, checks=len(outcomes), examples=sum(o.examples for o in outcomes),
                     unattributed=unattributed, baseline=baseline, audit=audit)
        report.blamed = blamed
        return report

    # -- figures ---------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        tally = Counter(result.status for result in self.entries.values())
        return {status: tally.get(status, 0) for status in STATUSES}

    def has_gaps(self) -> bool:
        return (bool(self.info.load_error) or bool(self.unattributed)
                or any(r.status in GAP_STATUSES for r in self.entries.values()))

    def baseline_failures(self, strict: bool) -> list[str]:
        """What fails the run about the baseline itself: under ``strict``, gaps fixed or stale."""
        return self.audit.warnings() if strict and self.audit else []

    def conformance_percent(self) -> float | None:
        """Conforming entries as a percentage of the judged ones (conform + gaps, expected or not)."""
        counts = self.counts()
        judged = sum(counts[s] for s in JUDGED_STATUSES)
        return None if judged == 0 else round(100.0 * counts["conform"] / judged, 1)

    def known_gaps(self) -> list[KnownGap]:
        """The run's failures as a baseline: known gaps kept as written, new ones to triage.

        Every failing check is listed under its own entry, including those
        blamed on another entry: once that entry's gap is known, it no longer
        explains them (see the module docstring), so a run with the written
        baseline has no new gap. Known gaps of entries this run did not select
        are kept too, so writing from a partial run (``--entries``) loses nothing.
        """
        covering = self.baseline.covering if self.baseline else lambda entry, check: None
        gaps: dict[KnownGap, None] = {}
        for gap in self.baseline.gaps if self.baseline else ():
            if gap.entry not in self.entries:
                gaps[gap] = None
        for result in self.entries.values():
            if result.status in ("missing", "expected"):
                for found in (g for g in result.gaps if g["check"] == PRESENCE_CHECK):
                    gaps[covering(result.name, PRESENCE_CHECK)
                         or _to_triage(result.name, None, found["message"] or "not defined")] = None
        for outcome, culprit in sorted(self.blamed, key=lambda pair: pair[0].nodeid):
            through = "" if culprit == outcome.entry else f"(failed through {culprit}) "
            gaps[covering(outcome.entry, outcome.check)
                 or _to_triage(outcome.entry, outcome.check, through + outcome.message)] = None
        return list(gaps)

    # -- renderers -------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        """The report as a JSON-ready dict (stable: no timings, entries sorted by name)."""
        return {
            "schema_version": SCHEMA_VERSION,
            "backend": {"name": self.info.backend, "source": self.info.source,
                        "file": self.info.file, "version": self.info.version},
            "floatx": self.info.floatx,
            "image_data_format": self.info.image_data_format,
            "hypothesis": self.info.hypothesis,
            "load_error": self.info.load_error or None,
            "keras_2_3_loader": None if self.info.keras_2_3_missing is None else {
                "names": len(KERAS_2_3_IMPORTS), "missing": self.info.keras_2_3_missing},
            "counts": self.counts(),
            "conformance_percent": self.conformance_percent(),
            "checks": self.checks,
            "hypothesis_examples": self.examples,
            "unattributed_failures": self.unattributed,
            "baseline": self.audit.to_json() if self.audit else None,
            "entries": {name: _entry_json(self.entries[name]) for name in sorted(self.entries)},
        }

    def write_json(self, path: str) -> None:
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(self.to_json(), handle, indent=2, sort_keys=False)
            handle.write("\n")

    def write_markdown(self, path: str) -> None:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(self.to_markdown())

    def write_baseline(self, path: str) -> None:
        """Write the run's gaps as a baseline (see ``known_gaps``)."""
        info = self.info
        header = (f"Known gaps of {info.backend} {info.version} [{info.floatx}, {info.image_data_format}], "
                  "written by --write-baseline.\nEach gap: entry, optional check (* and ? are wildcards), "
                  "category (unsupported, known-difference, bug) and the reason, with the evidence.")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(render(self.known_gaps(), header))

    def headline(self) -> str:
        info = self.info
        if info.load_error:
            return f"backend {info.backend} could not be tested: {info.load_error}"
        percent = self.conformance_percent()
        counts = self.counts()
        judged = sum(counts[s] for s in JUDGED_STATUSES)
        share = "no entry judged" if percent is None else f"{counts['conform']} of {judged} judged entries conform ({percent}%)"
        if counts["expected"]:
            share += f"; {counts['expected']} with known gaps (baseline)"
        return f"{info.backend} {info.version} [{info.floatx}, {info.image_data_format}]: {share}"

    def loader_line(self) -> str:
        missing = self.info.keras_2_3_missing
        if missing is None:
            return ""
        if not missing:
            return f"Keras 2.3.1 loader: all {len(KERAS_2_3_IMPORTS)} names it imports are defined"
        shown = ", ".join(missing[:LOADER_NAMES_SHOWN])
        more = f" and {len(missing) - LOADER_NAMES_SHOWN} more" if len(missing) > LOADER_NAMES_SHOWN else ""
        return (f"Keras 2.3.1 loader: {len(missing)} of the {len(KERAS_2_3_IMPORTS)} names it imports are "
                f"missing, so Keras 2.3.1 cannot use this backend: {shown}{more}")

    def category_rows(self) -> list[tuple[str, dict[str, int]]]:
        rows = []
        for category in CATEGORIES:
            members = [r for r in self.entries.values() if r.category == category]
            if members:
                tally = Counter(r.status for r in members)
                rows.append((category, {status: tally.get(status, 0) for status in STATUSES}))
        return rows

    def terminal_lines(self) -> list[str]:
        lines = [self.headline()]
        if self.info.load_error:
            return lines
        lines.append(f"{self.checks} checks, {self.examples} hypothesis examples; hypothesis {self.info.hypothesis}")
        width = max([len("category")] + [len(c) for c, _ in self.category_rows()])
        lines.append("")
        lines.append(f"{'category':<{width}}  " + " ".join(f"{s:>8}" for s in STATUSES))
        for category, tally in self.category_rows() + [("total", self.counts())]:
            lines.append(f"{category:<{width}}  " + " ".join(f"{tally[s]:>8}" for s in STATUSES))
        if self.loader_line():
            lines += ["", self.loader_line()]
        gaps = [r for r in self.entries.values() if r.status in GAP_STATUSES]
        if gaps:
            lines += ["", "gaps:"]
            for result in gaps:
                for gap in (g for g in result.gaps if not g["expected"]):
                    lines.append(f"  {result.name}: {gap['kind']}: {gap['message'].splitlines()[0]}")
                    if gap["example"]:
                        lines += ["      " + line for line in gap["example"].splitlines()]
                    if gap["reproduction"]:
                        lines.append("      reproduce:")
                        lines += ["        " + line for line in gap["reproduction"].splitlines()]
        lines += self._expected_lines()
        if self.unattributed:
            lines += ["", "failures no entry could be blamed for (a crashed worker? run again with --isolate):"]
            lines += [f"  {line}" for line in self.unattributed]
        blocked = [r for r in self.entries.values() if r.status == "blocked"]
        if blocked:
            lines += ["", "blocked (judged again once these gaps are fixed): " + ", ".join(
                f"{r.name} (by {', '.join(r.blocked_by)})" for r in blocked)]
        skipped = [r for r in self.entries.values() if r.status == "skipped"]
        if skipped:
            notes = defaultdict(list)
            for result in skipped:
                notes[result.note].append(result.name)
            lines.append("")
            lines += [f"skipped, {note}: {', '.join(names)}" for note, names in notes.items()]
        if self.audit and self.audit.warnings():
            lines += [""] + [f"WARNING: {line}" for line in self.audit.warnings()]
        return lines

    def _expected_gaps(self) -> list[tuple[str, dict]]:
        """(entry, the baseline's record) of every known gap seen in this run, once each."""
        seen: dict[tuple[str, str, str], tuple[str, dict]] = {}
        for result in self.entries.values():
            for gap in result.gaps:
                if gap["expected"]:
                    record = gap["expected"]
                    seen.setdefault((result.name, record["check"] or "", record["reason"]), (result.name, record))
        return list(seen.values())

    def _expected_lines(self) -> list[str]:
        expected = self._expected_gaps()
        if not expected:
            return []
        lines = ["", f"expected gaps (in the baseline {self.audit.path}; not failures):"]
        for entry, record in expected:
            where = f" [{record['check']}]" if record["check"] else ""
            lines.append(f"  {entry}{where}: {record['category']}: {_first_line(record['reason'])}")
        return lines

    def to_markdown(self) -> str:
        info = self.info
        out = [f"## Keras backend conformance: `{info.backend}`", "",
               f"- version: {info.version}", f"- source: {info.source}",
               f"- floatx: {info.floatx}, image data format: {info.image_data_format}",
               f"- hypothesis: {info.hypothesis}", "", f"**{self.headline()}**", ""]
        if info.load_error:
            return "\n".join(out) + "\n"
        out += ["| category | " + " | ".join(STATUSES) + " |", "|---|" + "---:|" * len(STATUSES)]
        for category, tally in self.category_rows() + [("**total**", self.counts())]:
            out.append(f"| {category} | " + " | ".join(str(tally[s]) for s in STATUSES) + " |")
        if self.loader_line():
            out += ["", self.loader_line()]
        gaps = [r for r in self.entries.values() if r.status in GAP_STATUSES]
        if gaps:
            out += ["", "### Gaps", "", "| entry | status | what was expected, what happened |", "|---|---|---|"]
            for result in gaps:
                messages = [g["message"].splitlines()[0] for g in result.gaps if not g["expected"]]
                text = "<br>".join(_markdown_cell(m) for m in messages)
                out.append(f"| `{result.name}` | {result.status} | {text} |")
        expected = self._expected_gaps()
        if expected:
            out += ["", f"### Expected gaps (baseline `{self.audit.path}`)", "",
                    "| entry | check | category | reason |", "|---|---|---|---|"]
            for entry, record in expected:
                check = f"`{record['check']}`" if record["check"] else "every check"
                out.append(f"| `{entry}` | {_markdown_cell(check)} | {record['category']} | "
                           f"{_markdown_cell(record['reason'])} |")
        if self.audit and self.audit.warnings():
            out += [""] + [f"- :warning: {_markdown_cell(line)}" for line in self.audit.warnings()]
        out += ["", "<details><summary>All entries</summary>", "", "| entry | category | status | checks passed |",
                "|---|---|---|---|"]
        for name in sorted(self.entries):
            r = self.entries[name]
            detail = r.status + (f" (by {', '.join(r.blocked_by)})" if r.blocked_by else "")
            out.append(f"| `{name}` | {r.category} | {detail} | {r.checks_passed}/{r.checks_total} |")
        out += ["", "</details>", ""]
        return "\n".join(out)


def _assign_blame(failing: list[CheckOutcome], quiet: set[str] = frozenset()) -> list[tuple[CheckOutcome, str]]:
    """Pair each failing check with the entry to blame (greedy set cover, see module docstring).

    A ``quiet`` entry (all its failures are known gaps) explains only its own checks.
    """
    unexplained = list(failing)
    owners = Counter(o.entry for o in failing)
    order = {name: index for index, name in enumerate(CATALOGUE)}
    blamed: list[tuple[CheckOutcome, str]] = []

    def explains(candidate: str, outcome: CheckOutcome) -> bool:
        return candidate == outcome.entry or (candidate not in quiet and candidate in outcome.involved)

    while unexplained:
        def reach(candidate: str) -> int:
            return sum(explains(candidate, o) for o in unexplained)
        culprit = min(owners, key=lambda c: (-reach(c), -owners[c], order.get(c, len(order)), c))
        explained = [o for o in unexplained if explains(culprit, o)]
        blamed += [(o, culprit) for o in explained]
        unexplained = [o for o in unexplained if o not in explained]
        del owners[culprit]
    return blamed


def _block(result: EntryResult, culprit: str) -> None:
    if culprit not in result.blocked_by:
        result.blocked_by.append(culprit)


def _settle(result: EntryResult, outcomes: list[CheckOutcome]) -> None:
    """The final status of an entry that is neither missing nor blamed."""
    entry = CATALOGUE[result.name]
    if result.status in GAP_STATUSES:
        new = [gap for gap in result.gaps if not gap["expected"]]
        if not new:
            result.status = "expected"
        elif result.status != "missing":
            result.status = "error" if any(gap["kind"] == "error" for gap in new) else "mismatch"
        return
    if result.blocked_by:
        result.status = "blocked"
        return
    presence = [o for o in outcomes if o.check == PRESENCE_CHECK]
    semantic = [o for o in outcomes if o.check != PRESENCE_CHECK]
    if presence and all(o.kind == "skipped" for o in presence):
        result.status, result.note = "skipped", f"optional ({entry.availability} only) and not defined"
    elif any(o.kind == "passed" for o in semantic):
        result.status = "conform"
    elif semantic:
        result.status, result.note = "skipped", "every check skipped"
    else:
        result.status, result.note = "skipped", "defined; no semantic checks yet"


def _audit(baseline: Baseline, results: dict[str, EntryResult], outcomes: list[CheckOutcome]) -> BaselineAudit:
    """Which known gaps of the selected entries are gone: every check they cover
    passed (fixed), or they cover no check that ran (unmatched). A check still
    failing, for whatever reason, or only skipped, keeps its known gap."""
    audit = BaselineAudit(baseline.path, len(baseline.gaps))
    for gap in baseline.gaps:
        if gap.entry not in results:
            continue  # not selected (--entries): not judged
        covered = [o for o in outcomes if gap.covers(o.entry, o.check)]
        if not covered:
            audit.unmatched.append(gap)
        elif all(o.kind in ("passed", "skipped") for o in covered) and any(o.kind == "passed" for o in covered):
            audit.fixed.append(gap)
    return audit


def _to_triage(entry: str, check: str | None, message: str) -> KnownGap:
    summary = (message.splitlines() or [""])[0]
    return KnownGap(entry=entry, category="bug", reason=f"TODO: triage. Found: {summary}", check=check)


def _expected_json(gap: KnownGap | None) -> dict[str, Any] | None:
    return None if gap is None else {"category": gap.category, "reason": gap.reason, "check": gap.check}


def _gap_json(gap: KnownGap) -> dict[str, Any]:
    return {"entry": gap.entry, "check": gap.check, "category": gap.category, "reason": gap.reason}


def _entry_json(result: EntryResult) -> dict[str, Any]:
    data = asdict(result)
    del data["name"]
    return data


def _first_line(text: str, width: int = 160) -> str:
    line = (text.splitlines() or [""])[0]
    return line if len(line) <= width else line[:width - 1] + "…"


def _markdown_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
