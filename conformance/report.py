"""The gap report: from the outcomes of all checks to one status per entry.

Statuses: ``conform`` (every check passed), ``missing`` (the backend lacks the
entry), ``mismatch`` (an answer broke the contract), ``error`` (the backend
raised where it should have answered), ``blocked`` (its checks failed only
through another entry's gap), ``skipped`` (not judged: optional and absent, or
no semantic checks yet). The first four statuses after ``conform`` are gaps.

Blame is assigned from what the failing checks called, not from run order, so
a serial and a parallel run give the same report: a failing check involves
its own entry and every entry it called; the entries that explain most of the
failures are blamed first (greedy cover), and a failure explained by another
entry's gap makes its own entry ``blocked`` rather than a gap.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable

from .catalogue import CATALOGUE, CATEGORIES, KERAS_2_3_IMPORTS

STATUSES = ("conform", "missing", "mismatch", "error", "blocked", "skipped")
GAP_STATUSES = ("missing", "mismatch", "error")
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
    gaps: list[dict] = field(default_factory=list)  # {check, message, reproduction, example}
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


class GapReport:
    """The verdicts on a set of entries, with renderers for terminal, JSON and Markdown."""

    def __init__(self, info: RunInfo, entries: dict[str, EntryResult], checks: int = 0, examples: int = 0,
                 unattributed: list[str] | None = None):
        self.info = info
        self.entries = entries
        self.unattributed = sorted(unattributed or [])  # failures of the run no entry could be blamed for
        self.checks = checks  # checks run
        self.examples = examples  # hypothesis examples run by them

    @classmethod
    def build(cls, info: RunInfo, selected: Iterable[str], outcomes: Iterable[CheckOutcome],
              unattributed: list[str] | None = None) -> GapReport:
        results = {name: EntryResult(name, CATALOGUE[name].category, CATALOGUE[name].availability)
                   for name in selected}
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
                        "reproduction": "", "example": ""})
        for outcome in outcomes:
            result = results[outcome.entry]
            if outcome.kind == "missing" and outcome.missing_entry != outcome.entry and result.status != "missing":
                _block(result, f"{outcome.missing_entry} (missing)")
        failing = [o for o in outcomes if o.kind in FAILING_KINDS and results[o.entry].status != "missing"]
        for outcome, culprit in _assign_blame(failing):
            result = results[outcome.entry]
            if culprit == outcome.entry:
                result.status = "error" if outcome.kind == "error" or result.status == "error" else "mismatch"
                result.gaps.append({"check": outcome.check, "kind": outcome.kind, "message": outcome.message,
                                    "reproduction": outcome.reproduction, "example": outcome.example})
            else:
                _block(result, culprit)
        for result in results.values():
            _settle(result, [o for o in outcomes if o.entry == result.name])
        return cls(info, results, checks=len(outcomes), examples=sum(o.examples for o in outcomes),
                   unattributed=unattributed)

    # -- figures ---------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        tally = Counter(result.status for result in self.entries.values())
        return {status: tally.get(status, 0) for status in STATUSES}

    def has_gaps(self) -> bool:
        return (bool(self.info.load_error) or bool(self.unattributed)
                or any(r.status in GAP_STATUSES for r in self.entries.values()))

    def conformance_percent(self) -> float | None:
        """Conforming entries as a percentage of the judged ones (conform + gaps)."""
        counts = self.counts()
        judged = counts["conform"] + sum(counts[s] for s in GAP_STATUSES)
        return None if judged == 0 else round(100.0 * counts["conform"] / judged, 1)

    # -- renderers -------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        """The report as a JSON-ready dict (stable: no timings, entries sorted by name)."""
        return {
            "schema_version": 1,
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
            "entries": {name: _entry_json(self.entries[name]) for name in sorted(self.entries)},
        }

    def write_json(self, path: str) -> None:
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(self.to_json(), handle, indent=2, sort_keys=False)
            handle.write("\n")

    def write_markdown(self, path: str) -> None:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(self.to_markdown())

    def headline(self) -> str:
        info = self.info
        if info.load_error:
            return f"backend {info.backend} could not be tested: {info.load_error}"
        percent = self.conformance_percent()
        counts = self.counts()
        judged = counts["conform"] + sum(counts[s] for s in GAP_STATUSES)
        share = "no entry judged" if percent is None else f"{counts['conform']} of {judged} judged entries conform ({percent}%)"
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
                for gap in result.gaps:
                    lines.append(f"  {result.name}: {gap['kind']}: {gap['message'].splitlines()[0]}")
                    if gap["example"]:
                        lines += ["      " + line for line in gap["example"].splitlines()]
                    if gap["reproduction"]:
                        lines.append("      reproduce:")
                        lines += ["        " + line for line in gap["reproduction"].splitlines()]
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
                messages = [g["message"].splitlines()[0] for g in result.gaps]
                text = "<br>".join(_markdown_cell(m) for m in messages)
                out.append(f"| `{result.name}` | {result.status} | {text} |")
        out += ["", "<details><summary>All entries</summary>", "", "| entry | category | status | checks passed |",
                "|---|---|---|---|"]
        for name in sorted(self.entries):
            r = self.entries[name]
            detail = r.status + (f" (by {', '.join(r.blocked_by)})" if r.blocked_by else "")
            out.append(f"| `{name}` | {r.category} | {detail} | {r.checks_passed}/{r.checks_total} |")
        out += ["", "</details>", ""]
        return "\n".join(out)


def _assign_blame(failing: list[CheckOutcome]) -> list[tuple[CheckOutcome, str]]:
    """Pair each failing check with the entry to blame (greedy set cover, see module docstring)."""
    unexplained = list(failing)
    owners = Counter(o.entry for o in failing)
    order = {name: index for index, name in enumerate(CATALOGUE)}
    blamed: list[tuple[CheckOutcome, str]] = []
    while unexplained:
        def reach(candidate: str) -> int:
            return sum(candidate == o.entry or candidate in o.involved for o in unexplained)
        culprit = min(owners, key=lambda c: (-reach(c), -owners[c], order.get(c, len(order)), c))
        explained = [o for o in unexplained if culprit == o.entry or culprit in o.involved]
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


def _entry_json(result: EntryResult) -> dict[str, Any]:
    data = asdict(result)
    del data["name"]
    return data


def _markdown_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
