"""The gap report rendered for a terminal, for Markdown, as JSON and as a baseline file."""

from __future__ import annotations

import dataclasses
import json

from synthetic import INFO, outcome, report

from conformance.baseline import Baseline, KnownGap, load
from conformance.outcomes import PRESENCE_CHECK, STATUSES
from conformance.rendering import (
    SCHEMA_VERSION,
    baseline_text,
    headline,
    json_report,
    json_text,
    markdown,
    terminal_lines,
)
from conformance.traits import DESCRIPTIONS, ZERO_SIZE
from conformance.verdict import judge

OUTCOMES = [outcome("eval"), outcome("variable", "mismatch", check="test_variable[eager]",
                                     message="variable(x): expected 1.0, got 2.0",
                                     reproduction="import numpy as np\nt1 = K.variable(np.array([1.0]))",
                                     example="Falsifying example: test_variable(x=1.0)"),
            outcome("zeros", "mismatch", ["variable"], message="zeros((2,)): wrong"),
            outcome("constant", "missing", check=PRESENCE_CHECK, missing_entry="constant", message="not defined")]


def test_headline_counts_the_judged_entries():
    assert headline(report(OUTCOMES)) == ("b 1 [float32, channels_last, contract keras-2]: "
                                          "1 of 3 judged entries conform (33.3%)")
    failed = judge(INFO.__class__(**{**INFO.__dict__, "load_error": "cannot import"}), [], [])
    assert headline(failed) == "backend b could not be tested: cannot import"


def test_terminal_lines_show_the_table_the_gaps_and_who_is_blocked():
    lines = terminal_lines(report(OUTCOMES))
    assert lines[2:4] == ["", f"{'category':<21}  " + " ".join(f"{s:>8}" for s in STATUSES)]
    text = "\n".join(lines)
    assert "  variable: mismatch: variable(x): expected 1.0, got 2.0" in text
    assert "      Falsifying example: test_variable(x=1.0)" in text
    assert "      reproduce:\n        import numpy as np\n        t1 = K.variable(np.array([1.0]))" in text
    assert "  constant: missing: not defined" in text
    assert "blocked (judged again once these gaps are fixed): zeros (by variable)" in text


def test_known_gaps_are_listed_apart_with_their_reason():
    baseline = Baseline("known.toml", (KnownGap("variable", "bug", "first line of the reason\nsecond", None),))
    lines = terminal_lines(report(OUTCOMES, baseline=baseline))
    assert "expected gaps (in the baseline known.toml; not failures):" in lines
    assert "  variable: bug: first line of the reason" in lines
    assert not any(line.startswith("  variable: mismatch") for line in lines)


def test_markdown_has_the_table_the_gaps_and_every_entry():
    text = markdown(report(OUTCOMES))
    assert text.startswith("## Keras backend conformance: `b`\n")
    assert "| category | " + " | ".join(STATUSES) + " |" in text
    assert "| `variable` | mismatch | variable(x): expected 1.0, got 2.0 |" in text
    assert "| `zeros` | variables and tensors | blocked (by variable) | 0/1 |" in text


def test_json_is_stable_and_complete():
    data = json_report(report(OUTCOMES))
    assert data["schema_version"] == SCHEMA_VERSION
    assert list(data["counts"]) == list(STATUSES)
    assert list(data["entries"]) == sorted(data["entries"])
    gap = data["entries"]["variable"]["gaps"][0]
    assert list(gap) == ["check", "kind", "message", "reproduction", "example", "expected"]
    assert gap["kind"] == "mismatch" and gap["expected"] is None
    shuffled = judge(INFO, ("eval", "variable", "constant", "zeros"), list(reversed(OUTCOMES)))
    assert json_text(shuffled) == json_text(report(OUTCOMES))
    assert json.loads(json_text(shuffled)) == data


def test_a_written_baseline_reads_back_as_the_run_s_gaps(tmp_path):
    path = tmp_path / "written.toml"
    path.write_text(baseline_text(report(OUTCOMES)))
    gaps = load(str(path)).gaps
    assert [(g.entry, g.check) for g in gaps] == [("constant", None), ("variable", "test_variable[eager]"),
                                                  ("zeros", "check")]
    assert gaps[2].reason.startswith("TODO: triage. Found: (failed through variable) zeros((2,)): wrong")


def test_a_common_cause_is_one_line_in_the_terminal_and_in_markdown():
    failing = dict(failing_traits=(ZERO_SIZE,), passes_without={ZERO_SIZE: 3})
    shared = report([outcome("eval", "mismatch", check="a", **failing),
                     outcome("zeros", "mismatch", check="b", **failing), outcome("variable")])
    line = f"probable common cause (2 entries {DESCRIPTIONS[ZERO_SIZE]}): eval, zeros"
    assert line in terminal_lines(shared)
    assert f"- {line}" in markdown(shared).splitlines()
    assert json_report(shared)["common_causes"] == {ZERO_SIZE: ["eval", "zeros"]}


def test_an_incomplete_run_says_so_first_and_fails():
    incomplete = report(OUTCOMES, not_run=["suite/test_x.py::test_a", "suite/test_x.py::test_b"])
    assert incomplete.incomplete()
    assert "INCOMPLETE, 2 of 6 checks did not run" in headline(incomplete)
    assert json_report(incomplete)["checks_not_run"] == ["suite/test_x.py::test_a", "suite/test_x.py::test_b"]
    assert "INCOMPLETE" in markdown(incomplete)
    assert not report(OUTCOMES).incomplete()


def test_markdown_shows_a_backend_s_text_as_text():
    hostile = "<img src=x onerror=alert(1)> | \x1b[31mred\x1b[0m\nsecond line"
    text = markdown(report([outcome("eval", "error", check="a", message=hostile), outcome("variable")]))
    escaped = "&lt;img src=x onerror=alert(1)&gt; \\| \\x1b[31mred\\x1b[0m<br>second line"
    assert f"| `eval` | error | {escaped} |" in text
    failed = judge(dataclasses.replace(INFO, version="1.0<script>", load_error=hostile), [], [])
    page = markdown(failed)
    assert "- version: 1.0&lt;script&gt;" in page and f"could not be tested: {escaped}**" in page
    assert "<img" not in page + text and "<script" not in page and "\x1b" not in page + text
