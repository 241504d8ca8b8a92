"""Backends that hang, crash, mutate their inputs, answer non-tensors, raise odd
exceptions or change the state the whole process shares: the run completes and
reports exactly that entry (``BROKEN_ENTRY``), or, when the misbehaviour happens
while the backend loads, ends with one ``ERROR:`` line and exit status 4
(``EXPECTED_LOAD_ERROR``). Each run is a new process, as a user's is (a crash
must not take the test process with it)."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from conftest import TESTS_DIR, assert_caught_on_its_entry_only, options_judging
from test_bad_input import assert_one_clear_line

from conformance.baseline import KnownGap, load

MISBEHAVING = sorted(info.name for info in pkgutil.iter_modules([str(TESTS_DIR / "misbehaving_backends")]))
UNLOADABLE = [name for name in MISBEHAVING
              if hasattr(importlib.import_module(f"misbehaving_backends.{name}"), "EXPECTED_LOAD_ERROR")]


@pytest.mark.parametrize("name", [name for name in MISBEHAVING if name not in UNLOADABLE])
def test_misbehaving_backend_is_reported_on_its_entry(run_suite_subprocess, entries_relying_on, name):
    module = importlib.import_module(f"misbehaving_backends.{name}")
    run = run_suite_subprocess(f"--backend=misbehaving_backends.{name}", *module.OPTIONS,
                               *options_judging(entries_relying_on, module.BROKEN_ENTRY))
    assert run.report is not None, run.output
    assert_caught_on_its_entry_only(run, module)


@pytest.mark.parametrize("name", UNLOADABLE)
def test_misbehaving_while_loading_is_one_line_and_exit_4(run_suite_subprocess, name):
    module = importlib.import_module(f"misbehaving_backends.{name}")
    run = run_suite_subprocess(f"--backend=misbehaving_backends.{name}", *module.OPTIONS, "--entries=abs")
    assert_one_clear_line(run, module.EXPECTED_LOAD_ERROR)


def test_shared_state_a_backend_changes_is_reported_alike_serially_and_in_parallel(run_suite_subprocess):
    # np.seterr(all="raise") inside abs once made the entries checked after abs in the same process
    # raise: seventeen innocent entries had gaps, a different set under -n 2.
    module = importlib.import_module("misbehaving_backends.sets_numpy_error_state_in_abs")
    options = ("--backend=misbehaving_backends.sets_numpy_error_state_in_abs", "--entries=abs,exp,log,sqrt,softplus,"
               "sigmoid,pow,tanh,elu,softmax,logsumexp,binary_crossentropy,categorical_crossentropy,l2_normalize,var")
    serial = run_suite_subprocess(*options)
    parallel = run_suite_subprocess(*options, "-n", "2")
    assert_caught_on_its_entry_only(serial, module)
    assert parallel.report == serial.report


def test_parallel_run_reports_the_same_as_a_serial_one(run_suite_subprocess, entries_relying_on):
    # tanh is relied on by rnn's checks: the report has a gap and a blocked entry.
    options = ("--backend=broken_backends.tanh_truncated_series", *options_judging(entries_relying_on, "tanh"))
    serial = run_suite_subprocess(*options).report
    parallel = run_suite_subprocess(*options, "-n", "2").report
    assert serial["entries"]["rnn"]["status"] == "blocked"
    assert parallel == serial


def test_a_crash_under_xdist_is_reported_as_in_a_serial_run(run_suite_subprocess, entries_relying_on):
    # Each xdist worker runs its checks in a runner process of its own: the worker survives the crash.
    module = importlib.import_module("misbehaving_backends.exits_in_identity")
    run = run_suite_subprocess("--backend=misbehaving_backends.exits_in_identity", "-n", "2",
                               *options_judging(entries_relying_on, "identity"))
    assert_caught_on_its_entry_only(run, module)


def test_a_run_stopped_early_is_incomplete_and_fails(run_suite_subprocess):
    # --maxfail stops at the first failing check: the checks after it never run, so the
    # entries they judge must not be called conforming, and the run must not pass.
    run = run_suite_subprocess("--backend=broken_backends.abs_via_square_root", "--maxfail=1",
                               "--entries=abs,exp,log,sqrt")
    assert run.ret == 1, run.output
    assert run.report["checks_not_run"], run.output
    assert "INCOMPLETE" in run.output


def test_a_thread_the_backend_leaves_running_does_not_keep_the_run_alive(run_suite_subprocess):
    run = run_suite_subprocess("--backend=allowed_backends.leaves_a_thread_running", "--entries=abs")
    assert run.ret == 0 and run.statuses() == {"abs": "conform"}, run.output


def test_the_backend_never_writes_in_the_user_s_home(run_suite_subprocess, tmp_path):
    # Not only while it imports: KERAS_HOME names the run's own directory for the whole run, and HOME
    # too while a check runs. Once, KERAS_HOME went back to the user's after the import.
    home = tmp_path / "home"
    home.mkdir()
    run = run_suite_subprocess("--backend=allowed_backends.writes_under_the_keras_home", "--entries=abs,epsilon",
                               env={"HOME": str(home), "KERAS_HOME": ""})
    assert run.ret == 0 and run.statuses() == {"abs": "conform", "epsilon": "conform"}, run.output
    assert list(home.rglob("*")) == []


def test_a_backend_s_message_is_data_in_every_report(run_suite_subprocess, tmp_path):
    """zeros raises with a lone surrogate, ANSI sequences, HTML and 10 MB of text in its message.
    Once, that crashed the run at its end and emptied the Markdown and the baseline being
    updated, recoloured the terminal, made reports of 80 MB, and stopped xdist workers."""
    backend = "--backend=misbehaving_backends.raises_hostile_message_in_zeros"
    triaged = '[[gap]]\nentry = "rnn"\ncategory = "known-difference"\nreason = "triaged by hand"\n'
    baseline, markdown, junit = tmp_path / "known.toml", tmp_path / "summary.md", tmp_path / "junit.xml"
    baseline.write_text(triaged)
    run = run_suite_subprocess(backend, "--entries=zeros", f"--conformance-markdown={markdown}",
                               f"--baseline={baseline}", f"--write-baseline={baseline}", f"--junitxml={junit}")
    assert run.ret == 1 and "Traceback" not in run.output, run.output[-2000:]
    written = {path.name: path.read_text(encoding="utf-8")
               for path in (baseline, markdown, junit, tmp_path / "report.json")}
    assert all(len(text) < 100_000 for text in [run.output, *written.values()])

    assert "\x1b" not in run.output and "byte \\udc80 undecodable, \\x1b[31mred\\x1b[0m\\x1b[2J, <script>" in run.output
    messages = [gap["message"] for gap in run.report["entries"]["zeros"]["gaps"]]
    assert messages and all("byte \\udc80 undecodable, \x1b[31mred" in message and len(message) < 4300
                            and message.endswith(" more characters cut]") for message in messages)
    assert "\x1b" not in written["summary.md"] and "<script" not in written["summary.md"]
    assert "byte \\udc80 undecodable, \\x1b[31mred\\x1b[0m\\x1b[2J, &lt;script&gt;alert(1)&lt;/script&gt; \\| a pipe" \
        in written["summary.md"]
    gaps = load(str(baseline)).gaps  # the baseline survives, updated: the triaged gap as written, the new ones
    assert gaps[0] == KnownGap("rnn", "known-difference", "triaged by hand")
    assert {gap.entry for gap in gaps[1:]} == {"zeros"} and len(gaps) == 1 + len(messages)
    assert all("raised ValueError: byte \\udc80 undecodable, \x1b[31mred" in gap.reason for gap in gaps[1:])

    baseline.write_text(triaged)
    serial = run_suite_subprocess(backend, "--entries=zeros", f"--baseline={baseline}")
    parallel = run_suite_subprocess(backend, "--entries=zeros", f"--baseline={baseline}", "-n", "2")
    assert parallel.report == serial.report and serial.report["entries"]["zeros"] == run.report["entries"]["zeros"]
