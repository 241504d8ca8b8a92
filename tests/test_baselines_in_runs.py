"""Baselines in real runs: known gaps are 'expected' (exit 0), fixed ones are flagged, a bad file stops the run."""

from __future__ import annotations

import time

import pytest
from test_bad_input import assert_one_clear_line

from conformance.baseline import load

BROKEN = "--backend=broken_backends.ones_ignores_dtype"  # ones ignores its dtype argument
ENTRIES = "--entries=ones,zeros"


def write(tmp_path, text: str, name: str = "baseline.toml") -> str:
    path = tmp_path / name
    path.write_text(text)
    return str(path)


ONES_KNOWN = '[[gap]]\nentry = "ones"\ncategory = "bug"\nreason = "ignores dtype, see the issue tracker"\n'


def test_a_gap_of_one_floatx_applies_under_that_floatx_only(run_suite, tmp_path):
    baseline = write(tmp_path, ONES_KNOWN + 'floatx = ["float64"]\n')
    assert load(baseline).gaps[0].floatx == ("float64",)
    assert run_suite(BROKEN, ENTRIES, "--floatx=float64", f"--baseline={baseline}").ret == 0
    under_float32 = run_suite(BROKEN, ENTRIES, "--floatx=float32", f"--baseline={baseline}", "--strict-baseline")
    assert under_float32.ret == 1 and under_float32.statuses("expected") == {}
    assert under_float32.report["baseline"]["fixed"] == [] and under_float32.report["baseline"]["unmatched"] == []


def test_a_bad_baseline_stops_the_run_with_one_line(run_suite_subprocess, tmp_path):
    path = write(tmp_path, ONES_KNOWN.replace('"bug"', '"meh"'))
    run = run_suite_subprocess("--backend=reference_backend", f"--baseline={path}")
    assert_one_clear_line(run, "--baseline: baseline", "category 'meh' is not one of")


@pytest.mark.parametrize("content, fragment", [
    (b"gap = [1, 2]\n", "gap 1: expected a table of entry, check, category, reason, floatx, time_limit, written "
     "[[gap]]; got 1"),
    (ONES_KNOWN.replace("ignores", "ignor\xe9s").encode("latin-1"), "is not UTF-8 text (byte 0xe9 at offset"),
    (("gap = " + "[" * 100_000 + "]" * 100_000).encode(), "nests arrays or tables too deeply to parse"),
])
def test_a_baseline_the_parser_cannot_take_is_one_line_too(run_suite_subprocess, tmp_path, content, fragment):
    path = tmp_path / "baseline.toml"
    path.write_bytes(content)
    run = run_suite_subprocess("--backend=reference_backend", f"--baseline={path}")
    assert_one_clear_line(run, f"--baseline: baseline {path}", fragment)


def test_an_empty_baseline_path_is_refused_not_ignored(run_suite_subprocess):
    run = run_suite_subprocess("--backend=reference_backend", "--baseline=")
    assert_one_clear_line(run, "--baseline='' is empty; expected a TOML file of known gaps")


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


def test_a_known_gap_reports_its_first_failing_draw_unshrunk(run_suite, tmp_path):
    # cumsum over the last axis fails on drawn arrays, which shrinking would then make smaller:
    # known, the same checks fail on the same draws, without the shrinking.
    cumsum = ("--backend=broken_backends.cumsum_last_axis", "--entries=cumsum")
    unknown = run_suite(*cumsum)
    cumsum_known = '[[gap]]\nentry = "cumsum"\ncategory = "bug"\nreason = "sums over the last axis"\n'
    known = run_suite(*cumsum, f"--baseline={write(tmp_path, cumsum_known)}")
    assert known.ret == 0 and unknown.ret == 1
    assert known.report["hypothesis_examples"] < unknown.report["hypothesis_examples"] / 2
    unknown_gaps, known_gaps = (run.report["entries"]["cumsum"]["gaps"] for run in (unknown, known))
    assert [gap["check"] for gap in known_gaps] == [gap["check"] for gap in unknown_gaps]


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



def test_a_known_hang_runs_out_of_its_own_time_limit(run_suite_subprocess, tmp_path):
    # cast to float16 never returns: with a time_limit the known hang costs seconds, not --check-timeout
    baseline = write(tmp_path, '[[gap]]\nentry = "cast"\ncategory = "bug"\nreason = "hangs on float16"\n'
                               'time_limit = 2\n')
    started = time.monotonic()
    run = run_suite_subprocess("--backend=misbehaving_backends.hangs_in_cast", "--entries=cast,abs",
                               "--check-timeout=120", f"--baseline={baseline}")
    assert run.ret == 0 and run.statuses() == {"cast": "expected", "abs": "conform"}, run.output
    messages = [gap["message"] for gap in run.report["entries"]["cast"]["gaps"]]
    assert any("did not finish within 2 s (its time_limit in the baseline)" in m for m in messages), messages
    assert time.monotonic() - started < 60
