"""``keras-conformance-matrix``: several JSON gap reports merged into one table, entries x runs.

Usage::

    keras-conformance-matrix reports/*.json --markdown=matrix.md --html=matrix.html

Each report (``pytest --conformance-report=...``) is one column, labelled by its
run: backend, floatx and image data format. Each entry is one row; a cell is the
entry's status in that run (``—`` when the run did not select it). Totals per
run close the table. Without ``--markdown`` or ``--html`` the Markdown goes to
standard output. The HTML page is self-contained (inline CSS): a colour per
status, a legend, the gap message or the blocking entry as each cell's tooltip.
Text the reports quote (names, versions, messages) is escaped in both formats and
each tooltip capped (``untrusted_text``); both outputs are rendered before either
file is opened, and each is replaced in one step (``report_files.write_atomically``).

Exit status: 0 when the table was written (whatever the reports say: gating is
the test run's job), 2 on bad input (a file that is missing, not JSON, not a
conformance report, or of a schema version this command does not read, or an
output path that cannot be written), with one line on standard error saying
which file and what was expected.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NoReturn

from .catalogue import CATALOGUE
from .outcomes import GAP_STATUSES, STATUSES, Status
from .rendering import SCHEMA_VERSION
from .report_files import write_atomically
from .untrusted_text import capped, escape_surrogates, for_html, for_markdown

PROG = "keras-conformance-matrix"
BAD_INPUT = 2
READABLE_SCHEMAS = range(1, SCHEMA_VERSION + 1)  # version 1 lacks the 'expected' status, nothing else
NOT_RUN = "—"

# One colour per status, chosen to read as a traffic light: gaps warm, known gaps amber, the rest neutral.
COLOURS = {Status.CONFORM: "#c8e6c9", Status.MISSING: "#ef9a9a", Status.MISMATCH: "#ffab91", Status.ERROR: "#f48fb1",
           Status.EXPECTED: "#fff59d", Status.BLOCKED: "#d7ccc8", Status.SKIPPED: "#eeeeee", NOT_RUN: "#ffffff"}
MEANINGS = {Status.CONFORM: "every check passed", Status.MISSING: "not defined by the backend",
            Status.MISMATCH: "an answer broke the contract", Status.ERROR: "raised where it should have answered",
            Status.EXPECTED: "a known gap, in the run's baseline",
            Status.BLOCKED: "failed only through another entry's gap",
            Status.SKIPPED: "not judged (optional and absent)", NOT_RUN: "not selected in this run"}


class BadInput(Exception):
    """One line saying which input is unusable and why."""


@dataclass
class Run:
    """One report: its column label and the statuses it gives."""

    label: str
    path: str
    data: dict[str, Any]

    def status(self, entry: str) -> str:
        found = self.data["entries"].get(entry)
        return found["status"] if found else NOT_RUN

    def detail(self, entry: str) -> str:
        """What a cell's tooltip says: the first gap, or who blocks the entry."""
        found = self.data["entries"].get(entry)
        if not found:
            return MEANINGS[NOT_RUN]
        if found.get("blocked_by"):
            return "blocked by " + ", ".join(found["blocked_by"])
        for gap in found.get("gaps", []):
            known = gap.get("expected")
            # Capped again: a report written before messages were capped can hold megabytes.
            if known:
                return capped(f"known {known['category']}: {_first_line(known['reason'])}")
            return capped(_first_line(gap.get("message") or gap.get("kind", "")))
        return str(found.get("note") or MEANINGS.get(found["status"], found["status"]))

    def totals(self) -> dict[str, int]:
        counts: dict[str, int] = {status: 0 for status in STATUSES}
        for entry in self.data["entries"].values():
            counts[entry["status"]] = counts.get(entry["status"], 0) + 1
        return counts


def load_run(path: str) -> Run:
    """Read and validate one report (see the module docstring for what is refused)."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise BadInput(f"{path}: no such file") from None
    except OSError as error:
        raise BadInput(f"{path}: cannot read: {error.strerror or error}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise BadInput(f"{path}: not JSON ({error}); expected a report written by --conformance-report") from None
    if not isinstance(data, dict) or "schema_version" not in data or not isinstance(data.get("entries"), dict):
        raise BadInput(f"{path}: not a conformance report; expected the JSON written by --conformance-report")
    version = data["schema_version"]
    if version not in READABLE_SCHEMAS:
        raise BadInput(f"{path}: schema_version {version!r}; this {PROG} reads versions "
                       f"{READABLE_SCHEMAS.start} to {READABLE_SCHEMAS.stop - 1} (upgrade keras-backend-conformance)")
    for name, entry in data["entries"].items():
        if not isinstance(entry, dict) or entry.get("status") not in STATUSES:
            raise BadInput(f"{path}: entry {name!r} has no valid status; expected one of {', '.join(STATUSES)}")
    backend = data.get("backend") or {}
    settings = [data.get("floatx") or "?", data.get("image_data_format") or "?"]
    settings += [data["contract"]] if data.get("contract") else []  # reports before schema 3 have none
    # A set-up step makes another run of the same module (tf_keras after disable_eager_execution: graph mode).
    setup = f" after {backend['setup'].partition(':')[2] or backend['setup']}" if backend.get("setup") else ""
    label = f"{backend.get('name', '?')}{setup} [{', '.join(settings)}]"
    return Run(label, path, data)


def load_runs(paths: Sequence[str]) -> list[Run]:
    runs = [load_run(path) for path in paths]
    seen: dict[str, int] = {}
    for run in runs:
        seen[run.label] = seen.get(run.label, 0) + 1
    for run in runs:  # two runs of the same configuration: tell them apart by file
        if seen[run.label] > 1:
            run.label += f" ({os.path.basename(run.path)})"
    return runs


def entry_rows(runs: Sequence[Run]) -> list[str]:
    """Every entry any run judged, in catalogue order; unknown names (another version) last."""
    names = {name for run in runs for name in run.data["entries"]}
    return [n for n in CATALOGUE if n in names] + sorted(names - set(CATALOGUE))


def _category(run_list: Sequence[Run], entry: str) -> str:
    for run in run_list:
        if entry in run.data["entries"]:
            return str(run.data["entries"][entry].get("category", ""))
    return ""


def _headline(run: Run) -> str:
    data = run.data
    if data.get("load_error"):
        return "could not be tested"
    percent = data.get("conformance_percent")
    return "no entry judged" if percent is None else f"{percent}% conform"


def to_markdown(runs: Sequence[Run]) -> str:
    out = ["## Keras backend conformance matrix", ""]
    out += [f"- **{for_markdown(run.label)}**: {_headline(run)}, "
            f"version {for_markdown(str(run.data.get('backend', {}).get('version', '?')))}"
            f" ({for_markdown(os.path.basename(run.path))})" for run in runs]
    out += ["", "| entry | category | " + " | ".join(for_markdown(run.label) for run in runs) + " |",
            "|---|---|" + "---|" * len(runs)]
    for entry in entry_rows(runs):
        cells = [_md_status(run.status(entry)) for run in runs]
        out.append(f"| `{entry}` | {_category(runs, entry)} | " + " | ".join(cells) + " |")
    totals = [run.totals() for run in runs]
    for status in STATUSES:
        out.append(f"| **{status}** | total | " + " | ".join(str(t[status]) for t in totals) + " |")
    out.append("| **conformance** | total | " + " | ".join(_headline(run) for run in runs) + " |")
    return "\n".join(out) + "\n"


def _md_status(status: str) -> str:
    return f"**{status}**" if status in GAP_STATUSES else status


def to_html(runs: Sequence[Run]) -> str:
    esc = for_html
    css = "\n".join(f"td.s-{_css_name(status)} {{ background: {colour}; }}" for status, colour in COLOURS.items())
    head = "".join(f"<th>{esc(run.label)}<br><small>{esc(_headline(run))}</small></th>" for run in runs)
    rows = []
    for entry in entry_rows(runs):
        cells = "".join(f'<td class="s-{_css_name(run.status(entry))}" title="{esc(run.detail(entry))}">'
                        f"{esc(run.status(entry))}</td>" for run in runs)
        rows.append(f'<tr><th scope="row"><code>{esc(entry)}</code></th>'
                    f"<td>{esc(_category(runs, entry))}</td>{cells}</tr>")
    totals = [run.totals() for run in runs]
    for status in STATUSES:
        cells = "".join(f'<td class="s-{_css_name(status)}">{t[status]}</td>' for t in totals)
        rows.append(f'<tr class="total"><th scope="row">{esc(status)}</th><td>total</td>{cells}</tr>')
    legend = "".join(f'<li><span class="swatch s-{_css_name(status)}"></span><b>{esc(status)}</b>: {esc(meaning)}</li>'
                     for status, meaning in MEANINGS.items())
    sources = "".join(f"<li>{esc(run.label)}: <code>{esc(run.path)}</code>, version "
                      f"{esc(str(run.data.get('backend', {}).get('version', '?')))}</li>" for run in runs)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Keras backend conformance matrix</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 1.5em; color: #212121; }}
table {{ border-collapse: collapse; font-size: 0.9em; }}
th, td {{ border: 1px solid #bdbdbd; padding: 0.25em 0.6em; text-align: left; }}
thead th {{ position: sticky; top: 0; background: #fafafa; vertical-align: bottom; }}
tr.total th, tr.total td {{ font-weight: bold; border-top: 2px solid #616161; }}
ul.legend {{ list-style: none; padding: 0; }}
.swatch {{ display: inline-block; width: 1em; height: 1em; margin-right: 0.4em; border: 1px solid #9e9e9e;
           vertical-align: middle; }}
{css}
{css.replace("td.s-", ".swatch.s-")}
</style>
</head>
<body>
<h1>Keras backend conformance matrix</h1>
<ul>{sources}</ul>
<table>
<thead><tr><th>entry</th><th>category</th>{head}</tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
<h2>Legend</h2>
<ul class="legend">{legend}</ul>
<p>Hover a cell for the gap message or the entry that blocks it.</p>
</body>
</html>
"""


def _first_line(text: str) -> str:
    return (text.splitlines() or [""])[0]


def _css_name(status: str) -> str:
    return "not-run" if status == NOT_RUN else status


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, like every other bad input of this command
        print(f"{PROG}: error: {message} (see {PROG} --help)", file=sys.stderr)
        raise SystemExit(BAD_INPUT)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _Parser(prog=PROG, description="Merge JSON conformance reports into one table, entries x runs.")
    parser.add_argument("reports", nargs="+", metavar="REPORT.json", help="reports written by --conformance-report")
    parser.add_argument("--markdown", metavar="OUT.md", help="write the table as Markdown")
    parser.add_argument("--html", metavar="OUT.html", help="write the table as a self-contained HTML page")
    args = parser.parse_args(argv)
    try:
        runs = load_runs(args.reports)
    except BadInput as problem:
        print(f"{PROG}: error: {problem}", file=sys.stderr)
        return BAD_INPUT
    if not args.markdown and not args.html:
        sys.stdout.write(escape_surrogates(to_markdown(runs)))
        return 0
    # Every output rendered before any file is opened; each then replaced in one step.
    outputs = [(path, render(runs)) for path, render in ((args.markdown, to_markdown), (args.html, to_html)) if path]
    for path, text in outputs:
        try:
            write_atomically(path, text)
        except OSError as error:
            print(f"{PROG}: error: cannot write {path}: {error.strerror or error}", file=sys.stderr)
            return BAD_INPUT
    return 0


if __name__ == "__main__":
    sys.exit(main())
