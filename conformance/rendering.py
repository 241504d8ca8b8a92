"""The gap report as people and programs read it: terminal lines, Markdown, JSON, a baseline file,
GitHub Actions annotations.

The terminal and the Markdown go in the order a backend author works: the findings (wrong answers,
errors) first, then the missing entries in one block, in the order to implement them
(``missing_steps``), then the table of categories and the rest.

Every function here only reads a ``verdict.GapReport``. The JSON is stable:
no timings, entries sorted by name, the same bytes for the same verdict.
"""

from __future__ import annotations

import builtins
import json
import re
import textwrap
from collections import Counter, defaultdict
from typing import Any

from .baseline import KnownGap
from .baseline import render as render_baseline
from .catalogue import CATALOGUE, CATEGORIES, CONFIGURATION, KERAS_2_3_IMPORTS, REQUIRED_ENTRIES
from .causes import causes
from .outcomes import STATUSES, Status
from .traits import DESCRIPTIONS
from .untrusted_text import for_markdown
from .verdict import EntryVerdict, Gap, GapReport

SCHEMA_VERSION = 4  # 2: the ``expected`` status and the ``baseline`` section; 3: ``contract``; 4: ``checks_not_run``
FINDINGS_HEADER = "FINDINGS:"  # opens the terminal's findings
Segment = tuple[str, str]
"""A piece of a terminal line: its text and its colour, a markup name of pytest's terminal writer ("": none)."""
# The colours pytest gives its own outcomes: failures red, passes green, skips and xfails yellow. A known gap
# (expected) is no failure, nor a missing entry's to-do: cyan.
STATUS_COLOURS: dict[Status, str] = {
    Status.CONFORM: "green", Status.MISSING: "yellow", Status.MISMATCH: "red", Status.ERROR: "red",
    Status.EXPECTED: "cyan", Status.BLOCKED: "", Status.SKIPPED: ""}
_ALSO_SHOWN = 3  # a cause's other messages shown under its first (the checks line names every check)
WRAP_WIDTH = 110  # the missing block's lists of names are wrapped, not one line of a thousand characters
# Python's own words for an operator its operands do not support ("unsupported operand type(s) for *:
# 'Placeholder' and 'float'", "bad operand type for unary -: 'Placeholder'").
_OPERATOR_ERROR = re.compile(r"unsupported operand type\(s\) for ([^:]+): '([\w.]+)' and '([\w.]+)'"
                             r"|bad operand type for unary ([^:]+): '([\w.]+)'")
# Code in backquotes: the Markdown report would render __add__ as a bold "add", and a * as emphasis.
_OPERATOR_METHODS = ", ".join(f"`__{name}__`" for name in (
    "add", "radd", "sub", "rsub", "mul", "rmul", "truediv", "rtruediv", "neg"))
_NOT_TENSORS = frozenset(dir(builtins)) | {"NoneType"}  # operand types that are Python's, not the backend's


def headline(report: GapReport) -> str:
    info = report.info
    if info.load_error:
        return f"backend {info.backend} could not be tested: {info.load_error}"
    percent = report.conformance_percent()
    counts = report.counts()
    share = ("no entry judged" if percent is None else
             f"{counts[Status.CONFORM]} of {report.judged()} judged entries conform ({percent}%)")
    if counts[Status.EXPECTED]:
        share += f"; {counts[Status.EXPECTED]} with known gaps (baseline)"
    families = {way.split(" ")[0] for way in report.ways_followed()}
    if families:
        share += f"; where the families differ it follows {' and '.join(sorted(families))}"
    if report.incomplete():
        share = (f"INCOMPLETE, {len(report.not_run)} of {len(report.not_run) + report.checks} checks did not run "
                 f"(an interrupt, --maxfail or a lost worker), so this verdict fails: {share}")
    return f"{info.backend} {info.version} [{info.floatx}, {info.image_data_format}, contract {info.contract}]: {share}"


def loader_line(report: GapReport) -> str:
    """How Keras 2.3.1's loader fares ("" when the module did not import, or when names are missing:
    the missing block lists them, ``missing_steps``)."""
    missing = report.info.keras_2_3_missing
    if missing is None or missing:
        return ""
    return f"Keras 2.3.1 loader: all {len(KERAS_2_3_IMPORTS)} names it imports are defined"


def findings(report: GapReport) -> list[EntryVerdict]:
    """The entries that answered wrongly or raised (``mismatch``, ``error``), in catalogue order: what
    a report shows first, before the entries that are merely not written yet."""
    return report.with_status(Status.MISMATCH, Status.ERROR)


Step = tuple[str, list[tuple[str, list[str]]]]
"""One step of the missing block: its title and its (label, names) lists, the label a category or a reason."""


def missing_steps(report: GapReport) -> list[Step]:
    """The missing entries in the order to implement them, each name in one step: first what Keras 2's
    loader requires, the configuration every check reads and the entries whose absence blocks other
    entries' checks (most blocking first); what the backend's tensors lack (``operator_line``); the names
    Keras 2.3.1's loader imports (all it lacks, selected or not: it needs them all); the rest. In the
    later steps, names go by category, in catalogue order."""
    missing = [v.name for v in report.with_status(Status.MISSING)]
    blocking = _blocking_absences(report)
    first = [("required by Keras 2's loader", [n for n in REQUIRED_ENTRIES if n in missing]),
             ("the configuration every check reads", [n for n in CATALOGUE if n in CONFIGURATION and n in missing]),
             ("other entries' checks call them", [f"{n} (blocks {count})" for n, count in blocking.items()])]
    done = {n for n in missing if n in REQUIRED_ENTRIES or n in CONFIGURATION} | set(blocking)  # listed first
    loader_missing = report.info.keras_2_3_missing or []
    loader = [n for n in loader_missing if n not in done]
    rest = [n for n in missing if n not in done and n not in loader]
    steps: list[Step] = [
        ("needed first", [(label, names) for label, names in first if names]),
        (operator_line(report), []),
        (f"imported by Keras 2.3.1's loader ({len(loader_missing)} of its {len(KERAS_2_3_IMPORTS)} names are "
         "missing; Keras 2.3.1 cannot use the backend without them)", _by_category(loader)),
        ("the rest", _by_category(rest))]
    return [(title, lists) for title, lists in steps if lists or title.startswith("tensors:")]


def _blocking_absences(report: GapReport) -> dict[str, int]:
    """Missing entry -> how many entries its absence blocks (``verdict`` notes them as 'NAME (missing)')."""
    counts: Counter[str] = Counter()
    for verdict in report.with_status(Status.BLOCKED):
        counts.update(culprit.removesuffix(" (missing)") for culprit in verdict.blocked_by
                      if culprit.endswith(" (missing)"))
    return dict(counts.most_common())


def _by_category(names: list[str]) -> list[tuple[str, list[str]]]:
    """``names`` as (category, names) lists, in catalogue order."""
    return [(category, members) for category in CATEGORIES
            if (members := [n for n in CATALOGUE if n in names and CATALOGUE[n].category == category])]


def operator_line(report: GapReport) -> str:
    """What the backend's tensors lack, when a gap shows Python refusing an operator on one ("" when
    none does): the checks compute with ``+``, ``-``, ``*``, ``/`` on tensors, as Keras layers do."""
    lacking: dict[str, set[str]] = defaultdict(set)
    example, gaps = "", 0
    for verdict in report.entries.values():
        for gap in verdict.new_gaps():
            found = _OPERATOR_ERROR.search(gap.message)
            if found is None:
                continue
            operator, *operands = [group for group in found.groups() if group is not None]
            tensors = [name for name in operands if name not in _NOT_TENSORS and not name.startswith("numpy.")]
            if not tensors:
                continue  # Python's own types refusing each other: the check's bug, not the tensors'
            for name in tensors:
                lacking[name].add(f"`{operator.strip()}`")
            example, gaps = example or found.group(0), gaps + 1
    if not lacking:
        return ""
    which = "; ".join(f"{name} lacks {', '.join(sorted(ops))}" for name, ops in sorted(lacking.items()))
    return (f"tensors: the checks use Python's operators `+`, `-`, `*`, `/` (and unary `-`) on the backend's tensors: "
            f"{which} ({gaps} gap{'s' if gaps != 1 else ''}, e.g. `{example}`); define {_OPERATOR_METHODS} on them")


def missing_lines(report: GapReport) -> list[str]:
    """The terminal's missing block: one numbered step each (``missing_steps``), names wrapped."""
    steps = missing_steps(report)
    if not steps:
        return []
    count = len(report.with_status(Status.MISSING))
    lines = ["", f"missing: {_missing_count(count)}; implement them in this order:"]
    for number, (title, lists) in enumerate(steps, 1):
        lines += _wrapped(f"{number}. {title}" + (":" if lists else ""), "  ", "     ")
        for label, names in lists:
            lines += _wrapped(f"{label}: {', '.join(names)}", "     ", "       ")
    return lines


def _missing_count(count: int) -> str:
    """How many selected entries are missing; with none, the block lists only what Keras 2.3.1's loader
    imports beyond the selection (``--entries``)."""
    if count == 0:
        return "no selected entry, but Keras 2.3.1's loader needs more"
    return f"{count} entr{'y' if count == 1 else 'ies'}"


def _wrapped(text: str, first_indent: str, indent: str) -> list[str]:
    """``text`` wrapped at ``WRAP_WIDTH``, between words only (entry names have underscores, no hyphens)."""
    return textwrap.wrap(text, WRAP_WIDTH, initial_indent=first_indent, subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False)


def common_cause_lines(report: GapReport) -> list[str]:
    """One line per probable root cause that fails several entries (``traits``), naming them."""
    return [f"probable common cause ({len(names)} entries {DESCRIPTIONS[trait]}): {', '.join(names)}"
            for trait, names in report.common_causes().items()]


def category_rows(report: GapReport) -> list[tuple[str, dict[Status, int]]]:
    rows = []
    for category in CATEGORIES:
        members = [v for v in report.entries.values() if v.category == category]
        if members:
            tally = Counter(v.status for v in members)
            rows.append((category, {status: tally.get(status, 0) for status in STATUSES}))
    return rows


# -- terminal ------------------------------------------------------------------------------

def terminal_lines(report: GapReport) -> list[str]:
    """The report for a terminal, as plain text (``terminal_segments`` without colours)."""
    return ["".join(text for text, _ in line) for line in terminal_segments(report)]


def terminal_segments(report: GapReport) -> list[list[Segment]]:
    """The report for a terminal, each line as segments of text and colour: the headline, the findings
    (mismatch, error) with their reproductions, the missing entries in one block grouped by what to
    implement next, then the category table and the rest (common causes, known gaps, the families
    followed, blocked and skipped entries). The statuses are coloured (``STATUS_COLOURS``)."""
    lines: list[str | list[Segment]] = [headline(report)]
    info = report.info
    if info.load_error:
        return _segmented(lines)
    lines.append(f"{report.checks} checks, {report.examples} hypothesis examples; hypothesis {info.hypothesis}")
    lines += _finding_lines(report)
    missing = missing_lines(report)
    if missing:  # its header's first word in the colour of the status
        blank, header, *rest = missing
        word, space, text = header.partition(" ")
        lines += [blank, [(word, STATUS_COLOURS[Status.MISSING]), (space + text, "")], *rest]
    rows = category_rows(report)
    width = max([len("category")] + [len(c) for c, _ in rows])
    lines.append("")
    lines.append(_table_row(f"{'category':<{width}}  ", {status: str(status) for status in STATUSES}, True))
    for category, tally in rows + [("total", report.counts())]:
        lines.append(_table_row(f"{category:<{width}}  ", {s: str(tally[s]) for s in STATUSES}, False))
    if loader_line(report):
        lines += ["", loader_line(report)]
    for cause in common_cause_lines(report):
        lines += ["", cause]
    lines += _expected_lines(report)
    lines += _ways_lines(report)
    if report.unattributed:
        lines += ["", "failures no entry could be blamed for (a crashed worker? run again with --isolate):"]
        lines += [f"  {line}" for line in report.unattributed]
    blocked = report.with_status(Status.BLOCKED)
    if blocked:
        lines += ["", "blocked (judged again once these gaps are fixed): " + ", ".join(
            f"{v.name} (by {', '.join(v.blocked_by)})" for v in blocked)]
    skipped = report.with_status(Status.SKIPPED)
    if skipped:
        notes = defaultdict(list)
        for verdict in skipped:
            notes[verdict.note].append(verdict.name)
        lines.append("")
        lines += [f"skipped, {note}: {', '.join(names)}" for note, names in notes.items()]
    if report.audit and report.audit.warnings():
        lines += [""] + [f"WARNING: {line}" for line in report.audit.warnings()]
    return _segmented(lines)


def _segmented(lines: list[str | list[Segment]]) -> list[list[Segment]]:
    return [[(line, "")] if isinstance(line, str) else line for line in lines]


def _table_row(label: str, cells: dict[Status, str], header: bool) -> list[Segment]:
    """A row of the category table: the status names (``header``) or counts, each in its status's
    colour (a count only when it is not 0)."""
    row: list[Segment] = [(label, "")]
    for index, (status, cell) in enumerate(cells.items()):
        coloured = header or cell != "0"
        row += [(" " if index else "", ""), (f"{cell:>8}", STATUS_COLOURS[status] if coloured else "")]
    return row


def _finding_lines(report: GapReport) -> list[str | list[Segment]]:
    """Each root cause of each finding (``findings``, ``causes``) once: what was expected and what came,
    the checks that showed it, the other ways they said it, the example, the reproduction."""
    found = findings(report)
    if not found:
        return []
    verbs = "y answers wrongly or raises" if len(found) == 1 else "ies answer wrongly or raise"
    lines: list[str | list[Segment]] = [
        "", [(FINDINGS_HEADER, STATUS_COLOURS[Status.ERROR]), (f" {len(found)} entr{verbs} (fix these first):", "")]]
    for verdict in found:
        for cause in causes(verdict.name, verdict.new_gaps()):
            gaps = cause.gaps
            first, *rest = gaps[0].message.splitlines() or [""]
            checks = cause.checks()
            lines.append([(f"  {verdict.name}: ", ""), (str(cause.status), STATUS_COLOURS[cause.status]),
                          (f": {first}{_checks_note(checks)}", "")])
            lines += ["      " + line for line in rest]
            if len(checks) > 1:
                lines += _wrapped(f"checks: {', '.join(checks)}", "      ", "        ")
            said = list(dict.fromkeys(_first_line(gap.message) for gap in gaps[1:]))
            said = [line for line in said if line != _first_line(gaps[0].message)]
            lines += [f"      also: {line}" for line in said[:_ALSO_SHOWN]]
            if len(said) > _ALSO_SHOWN:
                lines.append(f"      also: ... and {len(said) - _ALSO_SHOWN} more, each a call of the same defect")
            # One gap's example and reproduction together: another gap's draw would not fit the code shown.
            shown = next((gap for gap in gaps if gap.reproduction), next((gap for gap in gaps if gap.example), gaps[0]))
            lines += ["      " + line for line in shown.example.splitlines()]
            if shown.reproduction:
                lines.append("      reproduce:")
                lines += ["        " + line for line in shown.reproduction.splitlines()]
    return lines


def _ways_lines(report: GapReport) -> list[str]:
    """Where the families differ and the contract admits both, which one the backend followed."""
    ways = report.ways_followed()
    if not ways:
        return []
    lines = ["", "where tf_keras and classic Keras 2.3 differ, the backend follows:"]
    for way, points in ways.items():
        lines.append(f"  {way} ({len(points)}): {'; '.join(points)}")
    return lines


def _expected_gaps(report: GapReport) -> list[tuple[str, KnownGap]]:
    """(entry, the baseline's gap) of every known gap seen in this run, once each."""
    seen: dict[tuple[str, str, str], tuple[str, KnownGap]] = {}
    for verdict in report.entries.values():
        for gap in verdict.gaps:
            if gap.known is not None:
                seen.setdefault((verdict.name, gap.known.check or "", gap.known.reason), (verdict.name, gap.known))
    return list(seen.values())


def _expected_lines(report: GapReport) -> list[str]:
    expected = _expected_gaps(report)
    if not expected:
        return []
    assert report.audit is not None  # known gaps come from a baseline, which is audited
    lines = ["", f"expected gaps (in the baseline {report.audit.path}; not failures):"]
    for entry, known in expected:
        where = f" [{known.check}]" if known.check else ""
        lines.append(f"  {entry}{where}: {known.category}: {_first_line(known.reason)}")
    return lines


# -- Markdown ------------------------------------------------------------------------------

def markdown(report: GapReport) -> str:
    """The report as Markdown; text from outside the suite (messages, reasons, the backend's
    version and name) is escaped (``untrusted_text.for_markdown``): it renders as itself."""
    info = report.info
    out = [f"## Keras backend conformance: `{info.backend}`", "",
           f"- version: {for_markdown(info.version)}", f"- source: {for_markdown(info.source)}",
           f"- floatx: {for_markdown(info.floatx)}, image data format: {for_markdown(info.image_data_format)}, "
           f"contract: {info.contract}",
           f"- hypothesis: {for_markdown(info.hypothesis)}", "", f"**{for_markdown(headline(report))}**", ""]
    if info.load_error:
        return "\n".join(out + _missing_markdown(report)) + "\n"
    found = findings(report)
    if found:
        out += ["### Findings", "", "| entry | status | what was expected, what happened |", "|---|---|---|"]
        for verdict in found:
            text = "<br>".join(for_markdown(cause.gaps[0].message) + _checks_note(cause.checks())
                               for cause in causes(verdict.name, verdict.new_gaps()))
            out.append(f"| `{verdict.name}` | {verdict.status} | {text} |")
        out.append("")
    out += _missing_markdown(report)
    out += ["| category | " + " | ".join(STATUSES) + " |", "|---|" + "---:|" * len(STATUSES)]
    for category, tally in category_rows(report) + [("**total**", report.counts())]:
        out.append(f"| {category} | " + " | ".join(str(tally[s]) for s in STATUSES) + " |")
    if loader_line(report):
        out += ["", loader_line(report)]
    out += [""] + [f"- {cause}" for cause in common_cause_lines(report)] if report.common_causes() else []
    expected = _expected_gaps(report)
    if expected:
        assert report.audit is not None
        out += ["", f"### Expected gaps (baseline `{report.audit.path}`)", "",
                "| entry | check | category | reason |", "|---|---|---|---|"]
        for entry, known in expected:
            check = f"`{known.check}`" if known.check else "every check"
            out.append(f"| `{entry}` | {for_markdown(check)} | {known.category} | {for_markdown(known.reason)} |")
    if report.audit and report.audit.warnings():
        out += [""] + [f"- :warning: {for_markdown(line)}" for line in report.audit.warnings()]
    ways = report.ways_followed()
    if ways:
        out += ["", "### Where tf_keras and classic Keras 2.3 differ", "",
                "| the backend follows | where |", "|---|---|"]
        out += [f"| {way} | {for_markdown('; '.join(points))} |" for way, points in ways.items()]
    out += ["", "<details><summary>All entries</summary>", "", "| entry | category | status | checks passed |",
            "|---|---|---|---|"]
    for name in sorted(report.entries):
        verdict = report.entries[name]
        detail = f"{verdict.status}" + (f" (by {', '.join(verdict.blocked_by)})" if verdict.blocked_by else "")
        out.append(f"| `{name}` | {verdict.category} | {detail} | {verdict.checks_passed}/{verdict.checks_total} |")
    out += ["", "</details>", ""]
    return "\n".join(out)


def _checks_note(checks: list[str]) -> str:
    return f" ({len(checks)} checks)" if len(checks) > 1 else ""


def _missing_markdown(report: GapReport) -> list[str]:
    """The missing block as a numbered list (``missing_steps``), with a blank line after it."""
    steps = missing_steps(report)
    if not steps:
        return []
    count = len(report.with_status(Status.MISSING))
    out = [f"### Missing: {_missing_count(count)}, in the order to implement them", ""]
    for number, (title, lists) in enumerate(steps, 1):
        out.append(f"{number}. {for_markdown(title)}" + (":" if lists else ""))
        out += [f"   - {label}: " + ", ".join(_code_name(name) for name in names) for label, names in lists]
    return out + [""]


def _code_name(listed: str) -> str:
    """An entry's name as code, its note (' (blocks 3)') as text."""
    name, space, note = listed.partition(" ")
    return f"`{name}`{space}{note}"


# -- GitHub Actions ------------------------------------------------------------------------

def github_annotations(report: GapReport) -> list[str]:
    """One ``::error`` workflow command per entry with new gaps (missing, mismatch, error), for the
    run's summary on GitHub: titled with the entry and its status, the message its first gap's first
    line (and how many gaps it has). Data and properties are escaped as GitHub's runner reads them."""
    lines = []
    for verdict in report.with_status(Status.MISSING, Status.MISMATCH, Status.ERROR):
        gaps = verdict.new_gaps()
        if not gaps:
            continue
        more = f" (and {len(gaps) - 1} more gap{'s' if len(gaps) > 2 else ''})" if len(gaps) > 1 else ""
        title = f"keras backend conformance: {verdict.name} {verdict.status}"
        message = f"{verdict.name}: {gaps[0].kind}: {_first_line(gaps[0].message, 400)}{more}"
        lines.append(f"::error title={_command_property(title)}::{_command_data(message)}")
    return lines


def _command_data(text: str) -> str:
    """``text`` as a workflow command's message (GitHub's runner unescapes %25, %0D, %0A)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _command_property(text: str) -> str:
    """``text`` as a workflow command's property, where ':' and ',' end it unless escaped."""
    return _command_data(text).replace(":", "%3A").replace(",", "%2C")


# -- JSON ----------------------------------------------------------------------------------

def json_report(report: GapReport) -> dict[str, Any]:
    """The report as a JSON-ready dict (stable: no timings, entries sorted by name)."""
    info = report.info
    return {
        "schema_version": SCHEMA_VERSION,
        "backend": {"name": info.backend, "source": info.source, "file": info.file, "version": info.version,
                    "setup": info.setup or None},
        "floatx": info.floatx,
        "image_data_format": info.image_data_format,
        "hypothesis": info.hypothesis,
        "contract": str(info.contract),
        "load_error": info.load_error or None,
        "keras_2_3_loader": None if info.keras_2_3_missing is None else {
            "names": len(KERAS_2_3_IMPORTS), "missing": info.keras_2_3_missing},
        "counts": {str(status): count for status, count in report.counts().items()},
        "conformance_percent": report.conformance_percent(),
        "checks": report.checks,
        "checks_not_run": report.not_run,  # not empty: the run is incomplete and fails
        "hypothesis_examples": report.examples,
        "unattributed_failures": report.unattributed,
        "common_causes": report.common_causes(),
        "baseline": None if report.audit is None else {
            "path": report.audit.path, "known_gaps": report.audit.known,
            "fixed": [_known_json(g) for g in report.audit.fixed],
            "unmatched": [_known_json(g) for g in report.audit.unmatched]},
        "entries": {name: _entry_json(report.entries[name]) for name in sorted(report.entries)},
    }


def _entry_json(verdict: EntryVerdict) -> dict[str, Any]:
    return {"category": verdict.category, "availability": verdict.availability, "status": str(verdict.status),
            "checks_passed": verdict.checks_passed, "checks_total": verdict.checks_total,
            "gaps": [_gap_json(gap) for gap in verdict.gaps], "blocked_by": list(verdict.blocked_by),
            "note": verdict.note, "follows": dict(sorted(verdict.follows.items()))}


def _gap_json(gap: Gap) -> dict[str, Any]:
    expected = None if gap.known is None else {
        "category": gap.known.category, "reason": gap.known.reason, "check": gap.known.check}
    return {"check": gap.check, "kind": str(gap.kind), "message": gap.message, "reproduction": gap.reproduction,
            "example": gap.example, "expected": expected}


def _known_json(gap: KnownGap) -> dict[str, Any]:
    return {"entry": gap.entry, "check": gap.check, "category": gap.category, "reason": gap.reason}


# -- files ---------------------------------------------------------------------------------

def json_text(report: GapReport) -> str:
    return json.dumps(json_report(report), indent=2, sort_keys=False) + "\n"


def baseline_text(report: GapReport) -> str:
    """The run's gaps as a baseline file (see ``GapReport.known_gaps``)."""
    info = report.info
    header = (f"Known gaps of {info.backend} {info.version} [{info.floatx}, {info.image_data_format}], "
              "written by --write-baseline.\nEach gap: entry, optional check (* and ? are wildcards), "
              "category (unsupported, known-difference, bug) and the reason, with the evidence.")
    return render_baseline(report.known_gaps(), header)


def _first_line(text: str, width: int = 160) -> str:
    line = (text.splitlines() or [""])[0]
    return line if len(line) <= width else line[:width - 1] + "…"
