"""Baselines: known gaps are 'expected' (exit 0), fixed ones are flagged, bad files are one clear line."""

from __future__ import annotations

import pytest

from conformance.baseline import Baseline, BaselineError, KnownGap, load, render
from conformance.report import CheckOutcome, GapReport, RunInfo
from test_bad_input import assert_one_clear_line

BROKEN = "--backend=broken_backends.ones_ignores_dtype"  # ones ignores its dtype argument
ENTRIES = "--entries=ones,zeros"


def write(tmp_path, text: str, name: str = "baseline.toml") -> str:
    path = tmp_path / name
    path.write_text(text)
    return str(path)


ONES_KNOWN = '[[gap]]\nentry = "ones"\ncategory = "bug"\nreason = "ignores dtype, see the issue tracker"\n'


# -- the file format ---------------------------------------------------------------------

def test_a_valid_file_loads_every_field(tmp_path):
    baseline = load(write(tmp_path, ONES_KNOWN + '\n[[gap]]\nentry = "rnn"\ncheck = "test_rnn_every_flag_together[*]"\n'
                                                 'category = "known-difference"\nreason = """two\nlines"""\n'))
    assert baseline.gaps == (KnownGap("ones", "bug", "ignores dtype, see the issue tracker"),
                             KnownGap("rnn", "known-difference", "two\nlines", "test_rnn_every_flag_together[*]"))


@pytest.mark.parametrize("text, fragment", [
    ("[[gap]\nentry = 1", "is not valid TOML"),
    ("title = 'x'\n" + ONES_KNOWN, "unknown top-level key 'title'"),
    ("gap = 3\n", "'gap' must be an array of tables"),
    (ONES_KNOWN + 'severity = "high"\n', "gap 1: unknown key 'severity'"),
    ('[[gap]]\nentry = "ones"\nreason = "r"\n', "gap 1: missing 'category'"),
    (ONES_KNOWN.replace('"bug"', '"wontfix"'), "category 'wontfix' is not one of unsupported, known-difference, bug"),
    (ONES_KNOWN.replace('"ones"', '"onez"'), "gap 1: 'onez' is not an entry of the catalogue"),
    (ONES_KNOWN.replace('"ignores dtype, see the issue tracker"', '"  "'), "'reason' must be a non-empty string"),
    (ONES_KNOWN + '\n' + ONES_KNOWN.replace('"ones"', '7'), "gap 2: 'entry' must be a non-empty string; got 7"),
])
def test_bad_files_are_one_clear_line(tmp_path, text, fragment):
    path = write(tmp_path, text)
    with pytest.raises(BaselineError) as raised:
        load(path)
    message = str(raised.value)
    assert fragment in message and path in message and "\n" not in message, message


@pytest.mark.parametrize("floatx", ['"float64"', '["float128"]', "[]"])
def test_floatx_must_be_a_list_of_float_types(tmp_path, floatx):
    with pytest.raises(BaselineError, match="'floatx' must be a non-empty list of float16, float32, float64"):
        load(write(tmp_path, ONES_KNOWN + f"floatx = {floatx}\n"))


def test_a_gap_of_one_floatx_applies_under_that_floatx_only(run_suite, tmp_path):
    baseline = write(tmp_path, ONES_KNOWN + 'floatx = ["float64"]\n')
    assert load(baseline).gaps[0].floatx == ("float64",)
    assert run_suite(BROKEN, ENTRIES, "--floatx=float64", f"--baseline={baseline}").ret == 0
    under_float32 = run_suite(BROKEN, ENTRIES, "--floatx=float32", f"--baseline={baseline}", "--strict-baseline")
    assert under_float32.ret == 1 and under_float32.statuses("expected") == {}
    assert under_float32.report["baseline"]["fixed"] == [] and under_float32.report["baseline"]["unmatched"] == []


def test_unreadable_file(tmp_path):
    with pytest.raises(BaselineError, match="cannot read baseline .*nothing.toml"):
        load(str(tmp_path / "nothing.toml"))


def test_check_patterns_take_brackets_literally():
    gap = KnownGap("rnn", "bug", "r", "test_rnn_every_flag_together[*]")
    assert gap.covers("rnn", "test_rnn_every_flag_together[graph]")
    assert not gap.covers("rnn", "test_rnn_every_flag_togethere")
    assert not gap.covers("function", "test_rnn_every_flag_together[graph]")
    assert KnownGap("rnn", "bug", "r").covers("rnn", "anything")


def test_render_round_trips(tmp_path):
    gaps = [KnownGap("ones", "bug", 'quotes " and \\ backslash\nand a newline', "test_x[graph]"),
            KnownGap("rnn", "unsupported", "plain")]
    path = write(tmp_path, render(gaps, "a header\nof two lines"))
    assert load(path).gaps == tuple(gaps)


def test_a_bad_baseline_stops_the_run_with_one_line(run_suite_subprocess, tmp_path):
    path = write(tmp_path, ONES_KNOWN.replace('"bug"', '"meh"'))
    run = run_suite_subprocess("--backend=reference_backend", f"--baseline={path}")
    assert_one_clear_line(run, "--baseline: baseline", "category 'meh' is not one of")


def test_strict_baseline_needs_a_baseline(run_suite_subprocess):
    run = run_suite_subprocess("--backend=reference_backend", "--strict-baseline")
    assert_one_clear_line(run, "--strict-baseline needs --baseline=FILE")


# -- runs with a baseline -------------------------------------------------------------------

def test_known_gaps_are_expected_and_the_run_passes(run_suite, tmp_path):
    assert run_suite(BROKEN, ENTRIES).ret == 1
    run = run_suite(BROKEN, ENTRIES, f"--baseline={write(tmp_path, ONES_KNOWN)}")
    assert run.ret == 0, run.output
    assert run.statuses() == {"ones": "expected", "zeros": "conform"}
    assert all(gap["expected"]["category"] == "bug" for gap in run.report["entries"]["ones"]["gaps"])
    assert run.report["counts"]["expected"] == 1
    assert "expected gaps (in the baseline" in run.output and "ones: bug: ignores dtype" in run.output
    assert " xfailed" in run.output  # JUnit files and pytest's summary agree: not failures


def test_a_gap_outside_the_baseline_still_fails(run_suite, tmp_path):
    baseline = write(tmp_path, ONES_KNOWN.replace('"ones"', '"zeros"'))
    run = run_suite(BROKEN, ENTRIES, f"--baseline={baseline}")
    assert run.ret == 1
    assert run.statuses("mismatch") == {"ones": "mismatch"}


def test_a_check_pattern_covers_only_its_checks(run_suite, tmp_path):
    # ones fails one check per dtype; a pattern naming the float ones leaves the others as gaps.
    floats = ONES_KNOWN.replace('entry = "ones"', 'entry = "ones"\ncheck = "test_zeros_ones_explicit_dtype[float*"')
    run = run_suite(BROKEN, ENTRIES, f"--baseline={write(tmp_path, floats)}")
    assert run.ret == 1 and run.statuses("mismatch") == {"ones": "mismatch"}
    gaps = run.report["entries"]["ones"]["gaps"]
    assert {g["check"].split("[")[1].split("-")[0] for g in gaps if g["expected"]} == {"float16", "float64"}
    assert {g["check"].split("[")[1].split("-")[0] for g in gaps if not g["expected"]} == {"int32", "int64", "bool"}
    every = ONES_KNOWN.replace('entry = "ones"', 'entry = "ones"\ncheck = "test_zeros_ones_explicit_dtype[*"')
    assert run_suite(BROKEN, ENTRIES, f"--baseline={write(tmp_path, every)}").ret == 0


def test_a_fixed_gap_is_flagged_and_fails_only_when_strict(run_suite, tmp_path):
    baseline = write(tmp_path, ONES_KNOWN)
    run = run_suite("--backend=reference_backend", ENTRIES, f"--baseline={baseline}")
    assert run.ret == 0
    assert "WARNING: baseline: ones now conforms: fixed, remove it from" in run.output
    assert run.report["baseline"]["fixed"] == [{"entry": "ones", "check": None, "category": "bug",
                                                "reason": "ignores dtype, see the issue tracker"}]
    strict = run_suite("--backend=reference_backend", ENTRIES, f"--baseline={baseline}", "--strict-baseline")
    assert strict.ret == 1 and strict.statuses() == {"ones": "conform", "zeros": "conform"}


def test_a_gap_matching_no_check_is_flagged(run_suite, tmp_path):
    baseline = write(tmp_path, ONES_KNOWN.replace('entry = "ones"', 'entry = "ones"\ncheck = "test_no_such_*"'))
    run = run_suite("--backend=reference_backend", ENTRIES, f"--baseline={baseline}")
    assert run.ret == 0 and "ones [test_no_such_*] matches no check that ran" in run.output
    assert run_suite("--backend=reference_backend", ENTRIES, f"--baseline={baseline}", "--strict-baseline").ret == 1


def test_gaps_of_entries_not_selected_are_not_judged(run_suite, tmp_path):
    run = run_suite("--backend=reference_backend", "--entries=zeros", f"--baseline={write(tmp_path, ONES_KNOWN)}",
                    "--strict-baseline")
    assert run.ret == 0 and run.report["baseline"]["fixed"] == []


def test_write_baseline_then_use_it(run_suite, tmp_path):
    written = tmp_path / "written.toml"
    first = run_suite(BROKEN, ENTRIES, f"--write-baseline={written}")
    assert first.ret == 1  # the run itself still has its gaps
    gaps = load(str(written)).gaps
    assert {gap.entry for gap in gaps} == {"ones"}
    assert all(gap.category == "bug" and gap.reason.startswith("TODO: triage. Found: ") for gap in gaps)
    again = run_suite(BROKEN, ENTRIES, f"--baseline={written}", "--strict-baseline")
    assert again.ret == 0, again.output
    assert again.statuses() == {"ones": "expected", "zeros": "conform"}


def test_rewriting_keeps_known_gaps_as_written(run_suite, tmp_path):
    baseline, rewritten = write(tmp_path, ONES_KNOWN), tmp_path / "rewritten.toml"
    run = run_suite(BROKEN, "--entries=ones", f"--baseline={baseline}", f"--write-baseline={rewritten}")
    assert run.ret == 0
    assert load(str(rewritten)).gaps == load(baseline).gaps


# -- blame ------------------------------------------------------------------------------------

INFO = RunInfo(backend="b", source="--backend", file="b.py", version="1", floatx="float32",
               image_data_format="channels_last", hypothesis="h", keras_2_3_missing=[])


def failing(entry: str, check: str, involved=()) -> CheckOutcome:
    return CheckOutcome(nodeid=f"{entry}::{check}", entry=entry, check=check, kind="mismatch",
                        message=f"{entry} broke {check}", involved=tuple(involved))


# tf_keras' case: function rejects updates in eager mode (its own checks fail), and the rnn
# check on the graph route, which calls function, fails through an rnn bug.
OUTCOMES = [failing("function", "test_function_applies_pair_updates"),
            failing("function", "test_function_applies_update_ops"),
            failing("rnn", "test_rnn_every_flag_together[graph]", ["function", "placeholder"]),
            CheckOutcome(nodeid="rnn::ok", entry="rnn", check="test_rnn_basic", kind="passed")]
FUNCTION_KNOWN = KnownGap("function", "unsupported", "eager updates", "test_function_applies_*")


def statuses(report: GapReport) -> dict[str, str]:
    return {name: result.status for name, result in report.entries.items()}


def test_without_baseline_the_broader_failure_takes_the_blame():
    report = GapReport.build(INFO, ["function", "rnn"], OUTCOMES)
    assert statuses(report) == {"function": "mismatch", "rnn": "blocked"}


def test_an_entry_failing_only_known_checks_is_no_suspect():
    report = GapReport.build(INFO, ["function", "rnn"], OUTCOMES, baseline=Baseline("b.toml", (FUNCTION_KNOWN,)))
    assert statuses(report) == {"function": "expected", "rnn": "mismatch"}
    assert report.has_gaps()
    both = Baseline("b.toml", (FUNCTION_KNOWN, KnownGap("rnn", "bug", "unroll + return_all_outputs")))
    report = GapReport.build(INFO, ["function", "rnn"], OUTCOMES, baseline=both)
    assert statuses(report) == {"function": "expected", "rnn": "expected"}
    assert not report.has_gaps() and report.audit.fixed == [] and report.audit.unmatched == []


def test_an_entry_with_a_new_failure_is_still_a_suspect():
    new = failing("function", "test_function_returns_a_list", ["placeholder"])
    report = GapReport.build(INFO, ["function", "rnn"], OUTCOMES + [new],
                             baseline=Baseline("b.toml", (FUNCTION_KNOWN,)))
    assert statuses(report) == {"function": "mismatch", "rnn": "blocked"}
    assert [g["check"] for g in report.entries["function"].gaps if not g["expected"]] == ["test_function_returns_a_list"]


def test_written_baseline_lists_blocked_failures_under_their_own_entry():
    gaps = GapReport.build(INFO, ["function", "rnn"], OUTCOMES).known_gaps()
    assert [(g.entry, g.check) for g in gaps] == [("function", "test_function_applies_pair_updates"),
                                                  ("function", "test_function_applies_update_ops"),
                                                  ("rnn", "test_rnn_every_flag_together[graph]")]
    assert "(failed through function)" in gaps[2].reason
    report = GapReport.build(INFO, ["function", "rnn"], OUTCOMES, baseline=Baseline("b.toml", tuple(gaps)))
    assert not report.has_gaps()
