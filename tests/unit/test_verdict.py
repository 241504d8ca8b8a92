"""The verdict from outcomes: blame, statuses, known gaps, independent of the order checks ran in."""

from __future__ import annotations

import dataclasses
import random

from synthetic import INFO, outcome

from conformance.baseline import Baseline, KnownGap
from conformance.outcomes import PRESENCE_CHECK, OutcomeKind, Status
from conformance.rendering import json_report
from conformance.verdict import GapReport, judge


def build(outcomes, selected=("eval", "variable", "constant", "zeros", "set_value"), baseline=None):
    return judge(INFO, selected, outcomes, baseline=baseline)


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
    first = json_report(build(outcomes))
    for seed in range(5):
        shuffled = outcomes[:]
        random.Random(seed).shuffle(shuffled)
        assert json_report(build(shuffled)) == first


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


def test_judging_leaves_the_outcomes_as_they_were():
    absent = "normalize_data_format"
    outcomes = [outcome(absent, "missing", check=PRESENCE_CHECK, missing_entry=absent)]
    before = [dataclasses.replace(o) for o in outcomes]
    build(outcomes, ("normalize_data_format",))
    assert outcomes == before


def test_every_status_is_counted_once_per_entry():
    outcomes = [outcome("eval"), outcome("variable", "mismatch"), outcome("zeros", "error")]
    counts = build(outcomes, ("eval", "variable", "zeros", "constant")).counts()
    assert list(counts) == list(Status)
    assert sum(counts.values()) == 4 and counts[Status.ERROR] == 1 and counts[Status.SKIPPED] == 1


# -- known gaps: an entry whose failures are all in the baseline explains nothing else -------------

def failing(entry, check, involved=()):
    return outcome(entry, "mismatch", involved, check=check)


# function fails two eager-update checks (a known, unsupported feature); rnn's graph-route
# check, which calls function, fails through an rnn bug.
OUTCOMES = [failing("function", "test_function_applies_pair_updates"),
            failing("function", "test_function_applies_update_ops"),
            failing("rnn", "test_rnn_every_flag_together[graph]", ["function", "placeholder"]),
            outcome("rnn", check="test_rnn_basic")]
FUNCTION_KNOWN = KnownGap("function", "unsupported", "eager updates", "test_function_applies_*")


def statuses(report: GapReport) -> dict[str, str]:
    return {name: verdict.status for name, verdict in report.entries.items()}


def test_without_baseline_the_broader_failure_takes_the_blame():
    assert statuses(build(OUTCOMES, ["function", "rnn"])) == {"function": "mismatch", "rnn": "blocked"}


def test_an_entry_failing_only_known_checks_is_no_suspect():
    report = build(OUTCOMES, ["function", "rnn"], Baseline("b.toml", (FUNCTION_KNOWN,)))
    assert statuses(report) == {"function": "expected", "rnn": "mismatch"}
    assert report.has_gaps()
    both = Baseline("b.toml", (FUNCTION_KNOWN, KnownGap("rnn", "bug", "unroll + return_all_outputs")))
    report = build(OUTCOMES, ["function", "rnn"], both)
    assert statuses(report) == {"function": "expected", "rnn": "expected"}
    assert not report.has_gaps() and report.audit.fixed == [] and report.audit.unmatched == []


def test_an_entry_with_a_new_failure_is_still_a_suspect():
    new = failing("function", "test_function_returns_a_list", ["placeholder"])
    report = build(OUTCOMES + [new], ["function", "rnn"], Baseline("b.toml", (FUNCTION_KNOWN,)))
    assert statuses(report) == {"function": "mismatch", "rnn": "blocked"}
    assert [g.check for g in report.entries["function"].new_gaps()] == ["test_function_returns_a_list"]


def test_written_baseline_lists_blocked_failures_under_their_own_entry():
    gaps = build(OUTCOMES, ["function", "rnn"]).known_gaps()
    assert [(g.entry, g.check) for g in gaps] == [("function", "test_function_applies_pair_updates"),
                                                  ("function", "test_function_applies_update_ops"),
                                                  ("rnn", "test_rnn_every_flag_together[graph]")]
    assert "(failed through function)" in gaps[2].reason
    assert not build(OUTCOMES, ["function", "rnn"], Baseline("b.toml", tuple(gaps))).has_gaps()


def test_a_known_gap_whose_checks_pass_is_fixed_and_one_matching_nothing_is_unmatched():
    stale = KnownGap("rnn", "bug", "renamed", "test_rnn_gone")
    report = build([outcome("function", check="test_function_applies_pair_updates")], ["function", "rnn"],
                   Baseline("b.toml", (FUNCTION_KNOWN, stale)))
    assert report.audit.fixed == [FUNCTION_KNOWN] and report.audit.unmatched == [stale]
    assert report.baseline_failures(strict=False) == []
    assert len(report.baseline_failures(strict=True)) == 2


def test_kinds_are_typed():
    report = build([outcome("eval", "error")], ("eval",))
    assert report.entries["eval"].gaps[0].kind is OutcomeKind.ERROR
    assert report.entries["eval"].status is Status.ERROR


def test_a_known_gap_where_blame_landed_is_matched_by_the_check_that_raised_in_it():
    # function's check raised in update_add: the report shows the gap on update_add, and so does the baseline.
    raised = outcome("function", "error", ["update_add"], check="test_function_applies_update_ops",
                     raised_by="update_add")
    known = KnownGap("update_add", "unsupported", "refused in eager mode", "test_function_applies_update_ops")
    report = build([raised], ["function", "update_add"], Baseline("b.toml", (known,)))
    assert report.entries["update_add"].status == "expected"
    assert report.audit.unmatched == [] and report.audit.fixed == []


def test_a_graph_that_hung_is_its_builder_s_gap_and_an_evaluator_not_called_again_blocks():
    # zeros' and variable's checks ran out of time inside eval: each is the gap of the entry that built the
    # graph. eval, having hung twice, was not called again: constant's check met that (EntryHung), and so
    # did eval's own, which expected an error and got this one.
    outcomes = [outcome("zeros", "error", ["eval"], check="test_zeros", raised_by="eval"),
                outcome("variable", "error", ["eval"], check="test_variable", raised_by="eval"),
                outcome("constant", "error", ["eval"], check="test_constant", raised_by="eval",
                        hung_in="test_zeros and test_variable"),
                outcome("eval", "mismatch", ["variable"], check="test_eval", raised_by="eval",
                        hung_in="test_zeros and test_variable"),
                outcome("set_value", "error", ["eval"], check="test_set_value", raised_by="eval")]
    report = build(outcomes)
    statuses = {name: verdict.status for name, verdict in report.entries.items()}
    assert statuses == {"zeros": "error", "variable": "error", "constant": "blocked", "set_value": "error",
                        "eval": "error"}
    assert report.entries["constant"].blocked_by == ["eval"]
    # eval's stalled check is no evidence that eval explains set_value's failure: that stays set_value's own.
    assert report.entries["set_value"].blocked_by == []
