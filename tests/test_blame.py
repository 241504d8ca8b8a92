"""Whom the verdict blames: the entry whose call raised or crashed, a suspect whose own behaviour
failed, never an entry for a signature detail or the suite's own bookkeeping; one line for one
root cause; and nothing at all for backends doing what Keras 2 allows."""

from __future__ import annotations

import pytest
from conftest import GAP_STATUSES

GAPS = GAP_STATUSES


def test_a_signature_gap_blocks_nothing(run_suite_subprocess):
    run = run_suite_subprocess("--backend=blame_backends.placeholder_parameter_renamed",
                               "--entries=placeholder,function,sum,rnn,conv2d,switch,gradients")
    assert run.statuses(*GAPS) == {"placeholder": "mismatch"}, run.output
    assert run.statuses("blocked") == {}
    gaps = run.report["entries"]["placeholder"]["gaps"]
    assert [gap["check"] for gap in gaps] == ["test_signature[placeholder]"], gaps


def test_a_crash_inside_another_entry_s_call_is_that_entry_s(run_suite_subprocess):
    run = run_suite_subprocess("--backend=blame_backends.tanh_crashes", "--isolate", "--entries=tanh,rnn")
    assert run.statuses(*GAPS) == {"tanh": "error"}, run.output
    rnn = run.report["entries"]["rnn"]
    assert rnn["status"] == "blocked" and rnn["blocked_by"] == ["tanh"], rnn
    messages = [gap["message"] for gap in run.report["entries"]["tanh"]["gaps"]]
    assert any("killed by SIGSEGV during a call of tanh" in message for message in messages), messages


def test_a_graph_that_never_finishes_is_the_gap_of_the_entry_that_built_it(run_suite_subprocess):
    run = run_suite_subprocess("--backend=blame_backends.function_hangs_on_softplus_and_softsign",
                               "--check-timeout=2", "--entries=softsign,tanh", "-k", "test_agrees_with_reference")
    assert run.statuses(*GAPS, "blocked") == {"softsign": "error"}, run.output
    assert run.report["entries"]["tanh"]["status"] == "conform"
    assert any("did not finish within 2 s" in gap["message"] for gap in run.report["entries"]["softsign"]["gaps"])


def test_an_evaluator_that_hung_in_two_checks_is_not_called_again(run_suite_subprocess):
    # softplus' and softsign's checks run before tanh's: function has hung twice when tanh's comes.
    run = run_suite_subprocess("--backend=blame_backends.function_hangs_on_softplus_and_softsign",
                               "--check-timeout=2", "--entries=softplus,softsign,tanh,function",
                               "-k", "test_agrees_with_reference")
    assert run.statuses(*GAPS, "blocked") == {"softplus": "error", "softsign": "error", "tanh": "blocked",
                                              "function": "error"}, run.output
    assert run.report["entries"]["tanh"]["blocked_by"] == ["function"]


@pytest.mark.parametrize("name, trait, entries", [
    ("no_size_one_broadcasting", "a size-1 dimension broadcast against a larger one",
     ["equal", "not_equal", "greater", "greater_equal", "less", "less_equal", "maximum", "minimum"]),
    ("reductions_refuse_zero_size", "zero-size tensors", ["min", "sum", "prod", "mean"]),
])
def test_one_root_cause_is_one_line(run_suite_subprocess, name, trait, entries):
    run = run_suite_subprocess(f"--backend=blame_backends.{name}", "--entries=" + ",".join(entries + ["abs", "var"]))
    assert set(run.statuses(*GAPS)) == set(entries), run.output
    assert {cause: set(names) for cause, names in run.report["common_causes"].items()} == {trait: set(entries)}
    assert f"probable common cause ({len(entries)} entries" in run.output


@pytest.mark.parametrize("name, entries", [
    ("lacks_clear_session", "clear_session,random_normal,random_uniform,truncated_normal,dropout,get_uid"),
    ("int_shape_unknown_inside_graphs", "int_shape,rnn,map_fn,foldl,foldr"),
    ("gradients_of_scalars_only", "gradients"),
    ("rnn_unroll_needs_input_length", "rnn"),
])
def test_what_keras_2_allows_conforms(run_suite_subprocess, name, entries):
    run = run_suite_subprocess(f"--backend=allowed_backends.{name}", f"--entries={entries}")
    assert run.ret == 0 and run.statuses(*GAPS, "blocked") == {}, run.output


def test_an_absent_optional_entry_is_skipped_and_blocks_nothing(run_suite_subprocess):
    entries = "--entries=clear_session,random_normal"
    run = run_suite_subprocess("--backend=allowed_backends.lacks_clear_session", entries)
    assert run.statuses() == {"clear_session": "skipped", "random_normal": "conform"}
    tf_keras = run_suite_subprocess("--backend=allowed_backends.lacks_clear_session", "--contract=tf_keras", entries)
    assert tf_keras.statuses() == {"clear_session": "missing", "random_normal": "blocked"}, tf_keras.output


def test_import_probes_see_keras_backend(run_suite_subprocess):
    name = "allowed_backends.needs_keras_backend_variable"
    run = run_suite_subprocess(f"--backend={name}", "--entries=floatx,epsilon,image_data_format,learning_phase",
                               env={"KERAS_BACKEND": name})
    assert run.ret == 0 and set(run.statuses("conform")) == {"floatx", "epsilon", "image_data_format",
                                                             "learning_phase"}, run.output
