"""The gap report rendered for a terminal, for Markdown, as JSON and as a baseline file."""

from __future__ import annotations

import dataclasses
import json

from synthetic import INFO, outcome, report

from conformance.baseline import Baseline, KnownGap, load
from conformance.catalogue import KERAS_2_3_IMPORTS
from conformance.contract import Contract
from conformance.outcomes import PRESENCE_CHECK, STATUSES
from conformance.rendering import (
    SCHEMA_VERSION,
    WRAP_WIDTH,
    baseline_text,
    github_annotations,
    headline,
    json_report,
    json_text,
    markdown,
    missing_steps,
    terminal_lines,
    terminal_segments,
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


def test_terminal_lines_show_findings_then_missing_then_the_table_and_who_is_blocked():
    lines = terminal_lines(report(OUTCOMES))
    assert lines[2:4] == ["", "FINDINGS: 1 entry answers wrongly or raises (fix these first):"]
    text = "\n".join(lines)
    assert "  variable: mismatch: variable(x): expected 1.0, got 2.0" in text
    assert "      Falsifying example: test_variable(x=1.0)" in text
    assert "      reproduce:\n        import numpy as np\n        t1 = K.variable(np.array([1.0]))" in text
    missing = lines.index("missing: 1 entry; implement them in this order:")
    assert lines[missing + 1:missing + 3] == ["  1. the rest:", "     variables and tensors: constant"]
    table = lines.index(f"{'category':<21}  " + " ".join(f"{s:>8}" for s in STATUSES))
    assert lines.index("FINDINGS: 1 entry answers wrongly or raises (fix these first):") < missing < table
    assert "blocked (judged again once these gaps are fixed): zeros (by variable)" in text


def test_the_same_failure_of_several_checks_is_one_finding():
    same = report([outcome("eval", "error", check=f"route{n}", message="eval(t) raised E: no") for n in range(3)])
    shown = [line for line in terminal_lines(same) if "raised" in line]
    assert shown == ["  eval: error: eval(t) raised E: no (3 checks)"]


def test_missing_entries_are_grouped_by_what_to_implement_next():
    """Needed first: what Keras 2's loader and every check need, and entries whose absence blocks others';
    then what the tensors lack; then every name Keras 2.3.1's loader imports, wrapped; then the rest."""
    loader_missing = sorted(KERAS_2_3_IMPORTS - {"eval", "variable", "zeros", "abs"})
    info = dataclasses.replace(INFO, keras_2_3_missing=loader_missing, contract=Contract.TF_KERAS)
    operator = "the check could not use the backend's answer: TypeError: unsupported operand type(s) for *: " \
               "'Node' and 'float'"
    young = judge(info, ("floatx", "variable", "zeros", "dtype", "abs", "sum", "clear_session"), [
        outcome("floatx", "missing", check=PRESENCE_CHECK, missing_entry="floatx"),
        outcome("dtype", "missing", check=PRESENCE_CHECK, missing_entry="dtype"),
        outcome("sum", "missing", check=PRESENCE_CHECK, missing_entry="sum"),
        outcome("clear_session", "missing", check=PRESENCE_CHECK, missing_entry="clear_session"),
        outcome("zeros", "missing", check="check", missing_entry="dtype"),
        outcome("variable"), outcome("abs", "mismatch", check="test_abs", message=operator)])
    steps = missing_steps(young)
    assert [title.split(" (")[0].split(":")[0] for title, _ in steps] == [
        "needed first", "tensors", "imported by Keras 2.3.1's loader", "the rest"]
    assert steps[0][1] == [("the configuration every check reads", ["floatx"]),
                           ("other entries' checks call them", ["dtype (blocks 1)"])]
    assert "Node lacks `*`" in steps[1][0] and "`__rmul__`" in steps[1][0]
    loader_names = [name for _, names in steps[2][1] for name in names]
    assert sorted(loader_names) == sorted(set(loader_missing) - {"dtype"}) and "sum" in loader_names
    assert steps[3][1] == [("session", ["clear_session"])]  # required by tf_keras, not imported by Keras 2.3.1
    lines = terminal_lines(young)
    assert lines.index("FINDINGS: 1 entry answers wrongly or raises (fix these first):") < lines.index(
        "missing: 4 entries; implement them in this order:")
    assert max(len(line) for line in lines if not line.startswith("  abs:")) <= WRAP_WIDTH
    shown = " ".join(lines).replace(",", " ").split()
    assert all(name in shown for name in loader_missing) and "more" not in shown
    page = markdown(young)
    assert page.index("### Findings") < page.index("### Missing: 4 entries") < page.index("| category |")
    assert "   - the configuration every check reads: `floatx`" in page


def test_known_gaps_are_listed_apart_with_their_reason():
    baseline = Baseline("known.toml", (KnownGap("variable", "bug", "first line of the reason\nsecond", None),))
    lines = terminal_lines(report(OUTCOMES, baseline=baseline))
    assert "expected gaps (in the baseline known.toml; not failures):" in lines
    assert "  variable: bug: first line of the reason" in lines
    assert not any(line.startswith("  variable: mismatch") for line in lines)


def test_markdown_has_the_findings_the_missing_the_table_and_every_entry():
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


def test_github_annotations_are_one_error_per_gap_entry_escaped():
    two = [outcome("eval", "mismatch", check="a", message="50% off,\nsecond line"),
           outcome("eval", "mismatch", check="b", message="other")]
    lines = github_annotations(report(OUTCOMES + two))
    assert lines == [
        "::error title=keras backend conformance%3A eval mismatch::eval: mismatch: 50%25 off, (and 1 more gap)",
        "::error title=keras backend conformance%3A variable mismatch::variable: mismatch: variable(x): expected 1.0,"
        " got 2.0",
        "::error title=keras backend conformance%3A constant missing::constant: missing: not defined"]
    baseline = Baseline("known.toml", (KnownGap("variable", "bug", "known", None),))
    assert not any("variable" in line for line in github_annotations(report(OUTCOMES, baseline=baseline)))


def test_a_backend_that_cannot_load_gets_the_missing_block_in_markdown():
    lacking = dataclasses.replace(INFO, load_error="lacks the required entries placeholder, function",
                                  keras_2_3_missing=["placeholder", "function", "dot"])
    absent = ("placeholder", "function", "dot")
    failed = judge(lacking, (*absent, "floatx"), [
        outcome(name, "missing", check=PRESENCE_CHECK, missing_entry=name) for name in absent] + [outcome("floatx")])
    page = markdown(failed)
    assert "1. needed first:\n   - required by Keras 2's loader: `placeholder`, `function`" in page
    assert "   - linear algebra: `dot`" in page


def test_with_no_selected_entry_missing_the_block_says_it_lists_the_loader_s_needs():
    info = dataclasses.replace(INFO, keras_2_3_missing=["dot"])
    lines = terminal_lines(judge(info, ["eval"], [outcome("eval")]))
    assert "missing: no selected entry, but Keras 2.3.1's loader needs more; implement them in this order:" in lines


def test_terminal_segments_colour_the_statuses_and_counts_that_are_not_zero():
    segments = terminal_segments(report(OUTCOMES))
    assert ["".join(text for text, _ in line) for line in segments] == terminal_lines(report(OUTCOMES))
    finding = next(line for line in segments if line[0][0] == "  variable: ")
    assert finding[1] == ("mismatch", "red")
    total = next(line for line in segments if line[0][0].startswith("total "))
    cells = [(text.strip(), colour) for text, colour in total[1:] if text.strip()]
    assert cells == [("1", "green"), ("1", "yellow"), ("1", "red"), ("0", ""), ("0", ""), ("1", ""), ("0", "")]
