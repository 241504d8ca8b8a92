"""The gap report's verdicts from outcomes, independent of the order checks ran in."""

from __future__ import annotations

import random

from conformance.report import PRESENCE_CHECK, CheckOutcome, GapReport, RunInfo

INFO = RunInfo(backend="b", source="--backend", file="b.py", version="1", floatx="float32",
               image_data_format="channels_last", hypothesis="profile conformance", keras_2_3_missing=[])


def outcome(entry, kind="passed", involved=(), check="check", **extra):
    return CheckOutcome(nodeid=f"{entry}::{check}::{kind}::{'-'.join(involved)}", entry=entry, check=check,
                        kind=kind, involved=tuple(involved), **extra)


def build(outcomes, selected=("eval", "variable", "constant", "zeros", "set_value")):
    return GapReport.build(INFO, selected, outcomes)


def test_a_broken_foundation_is_blamed_once_even_in_a_cycle():
    # eval is broken: its own check (through variable) and every check reading values through it fail.
    outcomes = [outcome("eval", "mismatch", ["variable"]), outcome("eval", "mismatch", ["constant"]),
                outcome("variable", "mismatch", ["eval"]), outcome("constant", "mismatch", ["eval"]),
                outcome("zeros", "mismatch", ["eval"]), outcome("set_value", "passed", ["variable"])]
    statuses = {n: r.status for n, r in build(outcomes).entries.items()}
    assert statuses == {"eval": "mismatch", "variable": "blocked", "constant": "blocked",
                        "zeros": "blocked", "set_value": "conform"}


def test_verdict_does_not_depend_on_order():
    outcomes = [outcome("eval", "mismatch", ["variable"]), outcome("variable", "mismatch", ["eval"]),
                outcome("zeros", "error", ["eval"]), outcome("constant", "passed")]
    first = build(outcomes).to_json()
    for seed in range(5):
        shuffled = outcomes[:]
        random.Random(seed).shuffle(shuffled)
        assert build(shuffled).to_json() == first


def test_independent_gaps_are_all_reported():
    outcomes = [outcome("eval", "mismatch"), outcome("zeros", "error", ["variable"]), outcome("variable")]
    report = build(outcomes)
    assert report.entries["eval"].status == "mismatch"
    assert report.entries["zeros"].status == "error"
    assert report.has_gaps()


def test_missing_entries_block_their_users():
    outcomes = [outcome("variable", "missing", check=PRESENCE_CHECK, missing_entry="variable"),
                outcome("set_value", "missing", missing_entry="variable"), outcome("eval")]
    statuses = {n: r.status for n, r in build(outcomes, ("variable", "set_value", "eval")).entries.items()}
    assert statuses == {"variable": "missing", "set_value": "blocked", "eval": "conform"}


def test_optional_absent_entries_are_skipped_not_missing():
    outcomes = [outcome("normalize_data_format", "missing", missing_entry="normalize_data_format"),
                outcome("normalize_data_format", "skipped", check=PRESENCE_CHECK)]
    report = build(outcomes, ("normalize_data_format",))
    assert report.entries["normalize_data_format"].status == "skipped"
    assert not report.has_gaps()


def test_percentage_counts_judged_entries_only():
    outcomes = [outcome("eval"), outcome("variable", "mismatch"), outcome("zeros", "mismatch", ["variable"])]
    report = build(outcomes, ("eval", "variable", "zeros", "constant"))
    assert report.counts()["blocked"] == 1 and report.counts()["skipped"] == 1
    assert report.conformance_percent() == 50.0
