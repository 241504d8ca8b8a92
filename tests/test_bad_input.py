"""Bad input: one clear line saying what was expected, a usage-error status, no traceback, nothing lost."""

from __future__ import annotations

import json

import pytest

USAGE_ERROR = 4


def assert_one_clear_line(run, *fragments: str) -> str:
    assert run.ret == USAGE_ERROR, run.output
    assert "Traceback" not in run.output, run.output
    errors = [line for line in run.output.splitlines()
              if ("ERROR" in line or "error:" in line) and not line.startswith("ERROR: usage:")]
    assert len(errors) == 1, run.output
    for fragment in fragments:
        assert fragment in errors[0], errors[0]
    return errors[0]


def test_unknown_module(run_suite_subprocess):
    run = run_suite_subprocess("--backend=no_such_package.backend")
    assert_one_clear_line(run, "cannot import backend 'no_such_package.backend'", "no module named 'no_such_package'")


def test_module_that_raises_on_import(run_suite_subprocess):
    run = run_suite_subprocess("--backend=unloadable_backends.raises_on_import")
    assert_one_clear_line(run, "failed to import", "RuntimeError: this backend is broken on purpose",
                          "raises_on_import.py:3")


@pytest.mark.parametrize("name, how", [("exits_on_import", "ended the process with exit status 0"),
                                       ("segfaults_on_import", "killed the process with SIGSEGV")])
def test_an_import_that_ends_the_process_is_one_line_and_a_report(run_suite_subprocess, name, how):
    run = run_suite_subprocess(f"--backend=unloadable_backends.{name}")
    assert_one_clear_line(run, f"importing backend 'unloadable_backends.{name}' (from --backend) {how}")
    assert run.report is not None and run.report["load_error"], run.output


def test_an_import_error_is_shown_as_text_and_capped(run_suite_subprocess):
    run = run_suite_subprocess("--backend=unloadable_backends.raises_hostile_message_on_import")
    line = assert_one_clear_line(run, "failed to import: RuntimeError: byte \\udc80, \\x1b[31mred\\x1b[0m\\x1b[2J; xxx",
                                 "more characters cut] at ")
    assert "\x1b" not in run.output and len(line) < 5000
    assert run.report["load_error"].startswith("backend 'unloadable_backends.raises_hostile_message_on_import'")
    assert len(run.report["load_error"]) < 5000


def test_missing_required_entries_are_all_named_and_reported(run_suite_subprocess):
    run = run_suite_subprocess("--backend=unloadable_backends.lacks_required")
    assert_one_clear_line(run, "lacks the required entries placeholder, function")
    report = run.report  # nothing lost: the report says what was found
    assert report["load_error"].startswith("backend 'unloadable_backends.lacks_required'")
    assert report["entries"]["placeholder"]["status"] == "missing"
    assert report["entries"]["function"]["status"] == "missing"
    assert report["entries"]["variable"]["status"] == "skipped"
    assert "placeholder" in report["keras_2_3_loader"]["missing"]


def test_keras_json_that_is_not_json(run_suite_subprocess, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "keras.json").write_text("{not json")
    run = run_suite_subprocess(env={"KERAS_HOME": str(home)})
    assert run.ret == 5 or run.ret == USAGE_ERROR  # no --backend and no suite path: plugin dormant
    run = run_suite_subprocess("--pyargs", "conformance.suite", env={"KERAS_HOME": str(home)})
    assert_one_clear_line(run, "keras.json is not valid JSON")


@pytest.mark.parametrize("settings, fragment", [
    ({"floatx": "bogus"}, "'floatx' must be one of float16, float32, float64; got 'bogus'"),
    ({"epsilon": 1}, "'epsilon' must be a float; got 1"),
    ({"image_data_format": "channels_middle"}, "'image_data_format' must be one of"),
    ({"backend": 5}, "'backend' must be a module name; got 5"),
])
def test_keras_json_with_bad_values(run_suite_subprocess, tmp_path, settings, fragment):
    home = tmp_path / "home"
    home.mkdir()
    (home / "keras.json").write_text(json.dumps(settings))
    run = run_suite_subprocess("--pyargs", "conformance.suite", env={"KERAS_HOME": str(home)})
    assert_one_clear_line(run, fragment)


def test_bad_floatx_option(run_suite_subprocess):
    run = run_suite_subprocess("--backend=reference_backend", "--floatx=bogus")
    assert_one_clear_line(run, "--floatx: invalid choice: 'bogus'")


@pytest.mark.parametrize("value", ["", "  "])
def test_an_empty_backend_option_is_refused_not_ignored(run_suite_subprocess, tmp_path, value):
    # Today's pitfall: --backend="$UNSET" ran the current directory's own tests and passed.
    (tmp_path / "cwd").mkdir()
    (tmp_path / "cwd" / "test_own.py").write_text("def test_passes():\n    pass\n")
    run = run_suite_subprocess(f"--backend={value}")
    assert_one_clear_line(run, f"--backend is {'blank' if value else 'empty'} ({value!r}); expected a module path")
    assert "test_own" not in run.output
    assert run.report["load_error"].startswith("--backend is")  # nothing lost: the report says why


@pytest.mark.parametrize("value", ["", " "])
def test_an_empty_keras_backend_variable_is_refused(run_suite_subprocess, value):
    run = run_suite_subprocess("--pyargs", "conformance.suite", env={"KERAS_BACKEND": value})
    assert_one_clear_line(run, f"KERAS_BACKEND is {'blank' if value else 'empty'} ({value!r}); expected a module path")


@pytest.mark.parametrize("option, fragment", [
    ("--check-timeout=-1", "--check-timeout=-1: expected a number of seconds >= 0 and at most 86400 (one day)"),
    ("--check-timeout=nan", "--check-timeout=nan: expected a number of seconds >= 0 and at most 86400 (one day)"),
    ("--check-timeout=inf", "--check-timeout=inf: expected a number of seconds >= 0 and at most 86400 (one day)"),
    ("--check-timeout=1e20", "--check-timeout=1e+20: expected a number of seconds >= 0 and at most 86400"),
    ("--check-timeout=soon", "--check-timeout: invalid float value: 'soon'"),
    ("--conformance-profile=sloppy", "--conformance-profile: invalid choice: 'sloppy'"),
    ("--clear-between-examples --isolate", "--clear-between-examples needs runner processes that serve several "
                                           "checks: expected it without --isolate"),
])
def test_bad_run_options(run_suite_subprocess, option, fragment):
    assert_one_clear_line(run_suite_subprocess("--backend=reference_backend", *option.split()), fragment)


def test_entries_matching_nothing(run_suite_subprocess):
    run = run_suite_subprocess("--backend=reference_backend", "--entries=nothing*")
    assert_one_clear_line(run, "--entries='nothing*' matches no entry")


def test_entries_typo_suggests_the_nearest_names(run_suite_subprocess):
    run = run_suite_subprocess("--backend=reference_backend", "--entries=conv_2d,sofmax")
    assert_one_clear_line(run, "--entries='conv_2d,sofmax' matches no entry", "did you mean conv2d", "softmax")


@pytest.mark.parametrize("where, fragment", [("missing-dir/report.json", "does not exist"),
                                             (".", "is a directory")])
def test_unwritable_report_path(run_suite_subprocess, tmp_path, where, fragment):
    run = run_suite_subprocess("--backend=reference_backend", f"--conformance-markdown={tmp_path / where}",
                               report=False)
    assert_one_clear_line(run, "--conformance-markdown=", fragment)


def test_selecting_no_check_is_a_usage_error(run_suite_subprocess, tmp_path):
    """Paths that hold no check of the suite judge nothing: no report may claim a verdict."""
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "test_plain.py").write_text("def test_plain():\n    pass\n")
    run = run_suite_subprocess("--backend=reference_backend", str(tmp_path / "plain"))
    assert_one_clear_line(run, "no conformance check was selected")
    assert run.report is None


def test_collect_only_gives_no_verdict(run_suite_subprocess):
    run = run_suite_subprocess("--backend=reference_backend", "--entries=abs", "--collect-only", "-q")
    assert run.ret == 0, run.output
    assert run.report is None and "keras backend conformance" not in run.output
    assert "test_presence.py::test_presence[abs]" in run.output


def test_an_empty_report_path_is_refused(run_suite_subprocess):
    run = run_suite_subprocess("--backend=reference_backend", "--conformance-markdown=", report=False)
    assert_one_clear_line(run, "--conformance-markdown='' is empty; expected a file path")


@pytest.mark.parametrize("option", ["--conformance-report", "--conformance-markdown"])
def test_a_report_on_the_baseline_file_is_refused(run_suite_subprocess, tmp_path, option):
    baseline = tmp_path / "known.toml"
    baseline.write_text('[[gap]]\nentry = "ones"\ncategory = "bug"\nreason = "triaged"\n')
    run = run_suite_subprocess("--backend=reference_backend", "--entries=ones", f"--baseline={baseline}",
                               f"{option}={baseline}", report=False)
    assert_one_clear_line(run, f"{option}={baseline} is the --baseline file")
    assert baseline.read_text() == '[[gap]]\nentry = "ones"\ncategory = "bug"\nreason = "triaged"\n'
