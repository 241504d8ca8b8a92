"""The plugin as a user meets it: where it collects, what it prints, what it writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import TESTS_DIR

import conformance


def test_collects_the_installed_suite_not_the_current_directory(pytester, run_suite):
    pytester.makepyfile(test_unrelated="def test_fails():\n    assert False\n")
    run = run_suite("--backend=reference_backend", "--entries=abs")  # one entry: it is the collection that counts
    assert run.ret == 0, run.output
    assert "test_unrelated" not in run.output


def test_dormant_without_backend(pytester):
    pytester.makepyfile(test_plain="def test_ok():\n    pass\n")
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    assert result.ret == 0
    assert "conformance:" not in result.stdout.str()  # no header, no report
    assert "keras backend conformance" not in result.stdout.str()


def test_header_says_what_is_tested(run_suite):
    run = run_suite("--backend=reference_backend", "--floatx=float64", "--entries=cast")
    assert "conformance: backend reference_backend (from --backend), version 0.1.0" in run.output
    assert "conformance: floatx float64, image_data_format channels_last, epsilon 1e-07" in run.output


def test_profiles_are_chosen_by_option_and_shown(run_suite):
    run = run_suite("--backend=reference_backend", "--entries=set_epsilon", "--conformance-profile=ci")
    assert "hypothesis profile conformance-ci (100 examples, derandomized)" in run.output
    assert run.report["hypothesis_examples"] == 100
    seeded = run_suite("--backend=reference_backend", "--entries=set_epsilon", "--hypothesis-seed=3")
    assert "profile conformance-default-seeded (25 examples, seed 3)" in seeded.report["hypothesis"]


def test_entries_restricts_the_run(run_suite):
    run = run_suite("--backend=reference_backend", "--entries=set_*,cast")
    assert set(run.report["entries"]) == {"set_floatx", "set_epsilon", "set_image_data_format",
                                          "set_learning_phase", "set_value", "cast"}


def test_environment_resolution_in_a_run(run_suite, monkeypatch):
    monkeypatch.setenv("KERAS_BACKEND", "broken_backends.eye_all_ones")
    run = run_suite("--pyargs", "conformance.suite", "--entries=eye")
    assert run.ret == 1
    assert run.report["backend"]["source"] == "KERAS_BACKEND"
    assert run.statuses() == {"eye": "mismatch"}


def test_markdown_and_junit_reports(run_suite, pytester):
    markdown, junit = pytester.path / "summary.md", pytester.path / "junit.xml"
    run = run_suite("--backend=broken_backends.eye_all_ones", "--entries=eye,zeros,ones",
                    f"--conformance-markdown={markdown}", f"--junitxml={junit}")
    assert run.ret == 1
    text = markdown.read_text()
    assert text.startswith("## Keras backend conformance: `broken_backends.eye_all_ones`")
    eye_row = next(line for line in text.splitlines() if line.startswith("| `eye` | mismatch |"))
    assert "eval(eye(3, dtype=None)): worst element at index (0, 1): expected 0.0, got 1.0" in eye_row
    assert "<testcase" in junit.read_text()


def test_a_half_written_backend_s_report_shows_findings_first_then_what_to_implement(run_suite):
    """Findings (mismatch, error) first; then one block of missing entries grouped by what to implement
    next, with what the tensors lack and every name Keras 2.3.1's loader imports; then the table."""
    run = run_suite("--backend=half_written_backend")
    assert run.ret == 1
    lines = run.output.splitlines()
    findings = lines.index("FINDINGS: 6 entries answer wrongly or raise (fix these first):")
    missing = next(n for n, line in enumerate(lines) if line.startswith("missing: ") and "in this order" in line)
    table = next(n for n, line in enumerate(lines) if line.startswith("category "))
    assert findings < missing < table
    finding_lines = lines[findings:missing]
    assert "  sqrt: mismatch: sqrt(0.5) by the eager route: worst element at index (): expected 0.7071" in "\n".join(
        finding_lines)
    assert "  log: error: K.log(t1) raised NotImplementedError: log is not written yet (6 checks)" in finding_lines
    block = "\n".join(lines[missing:table])
    assert ("  1. needed first:\n     other entries' checks call them: dtype (blocks 3), sum (blocks 2), "
            "int_shape (blocks 1)") in block
    assert "tensors: the checks use Python's operators" in block and "Placeholder lacks `*`, `+`" in block
    assert "imported by Keras 2.3.1's loader (134 of its 143 names are missing" in block
    assert "     conv and pooling: conv1d, conv2d," in block and "more" not in block
    assert not any(": missing: the backend does not define" in line for line in lines)
    assert run.statuses("mismatch", "error", "missing")["sqrt"] == "mismatch"


def junit_cases(path: Path) -> tuple[dict[str, str], dict[str, ET.Element]]:
    """A JUnit file's counts (its test suite's attributes) and its test cases by name."""
    root = ET.parse(path).getroot()
    suite = root if root.tag == "testsuite" else root.find("testsuite")
    assert suite is not None
    return dict(suite.attrib), {case.get("name", ""): case for case in suite.iter("testcase")}


def test_junit_counts_a_missing_entry_as_a_failure_and_states_outcomes_as_json(run_suite, pytester):
    """One failure per missing entry (its presence check; its other checks stay skips); each test case's
    property is JSON and says how the check ended; a baseline's missing entry stays an xfail."""
    junit = pytester.path / "junit.xml"
    entries = "--entries=zeros,ones,sqrt,abs,is_variable"
    run = run_suite("--backend=half_written_backend", entries, f"--junitxml={junit}")
    assert run.statuses("missing", "mismatch") == {"zeros": "missing", "ones": "missing", "sqrt": "mismatch"}
    counts, cases = junit_cases(junit)
    failing_checks = len(run.report["entries"]["sqrt"]["gaps"])
    assert int(counts["failures"]) == 2 + failing_checks, counts
    zeros = cases["test_presence[zeros]"]
    assert zeros.find("failure") is not None
    (prop,) = zeros.iter("property")
    outcome = json.loads(prop.get("value", ""))
    assert (prop.get("name"), outcome["entry"], outcome["kind"]) == ("conformance", "zeros", "missing")
    assert cases["test_presence[is_variable]"].find("skipped") is not None  # optional under keras-2: not a gap
    assert json.loads(next(cases["test_presence[abs]"].iter("property")).get("value", ""))["kind"] == "passed"

    baseline = pytester.path / "known.toml"
    baseline.write_text('[[gap]]\nentry = "zeros"\ncheck = "presence"\ncategory = "unsupported"\nreason = "later"\n')
    known = run_suite("--backend=half_written_backend", entries, f"--junitxml={junit}", f"--baseline={baseline}")
    assert known.statuses("expected") == {"zeros": "expected"}
    counts, cases = junit_cases(junit)
    assert int(counts["failures"]) == 1 + failing_checks, counts
    assert cases["test_presence[zeros]"].find("skipped") is not None


def test_github_actions_get_one_annotation_per_gap_entry(run_suite, monkeypatch):
    entries = "--entries=zeros,sqrt,log,abs"
    assert "::error" not in run_suite("--backend=half_written_backend", entries).output
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    run = run_suite("--backend=half_written_backend", entries)
    annotations = [line for line in run.output.splitlines() if line.startswith("::error ")]
    assert annotations == [
        "::error title=keras backend conformance%3A zeros missing::zeros: missing: the backend does not define 'zeros'",
        "::error title=keras backend conformance%3A sqrt mismatch::sqrt: mismatch: sqrt(0.5) by the eager route: "
        "worst element at index (): expected 0.7071067690849304, got 0.8408964276313782 (|difference| 0.134 > "
        "tolerance 1.91e-06 x (1 + |expected|)) (and 3 more gaps)",
        "::error title=keras backend conformance%3A log error::log: error: K.log(t1) raised NotImplementedError: "
        "log is not written yet (and 5 more gaps)"], run.output
    assert run.output.splitlines().index(annotations[0]) > run.output.splitlines().index(
        next(line for line in run.output.splitlines() if line.startswith("total ")))


def test_json_report_is_deterministic(run_suite):
    # Entries that conform, fail (update_add), wait for the failing function (graph route) and draw at random.
    entries = "--entries=function,update_add,moving_average_update,sum,softmax,random_uniform,dropout,rnn"
    first = run_suite("--backend=broken_backends.function_ignores_updates", entries).report
    second = run_suite("--backend=broken_backends.function_ignores_updates", entries).report
    assert first["counts"]["conform"] and first["counts"]["mismatch"], first["counts"]
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


def test_examples_depend_on_the_check_alone(tmp_path):
    """The same checks draw the same examples when the suite's node ids carry a
    path (run from the directory holding the installed suite) and when they do
    not, and with a local module full of constants imported, which hypothesis
    would otherwise harvest into its draws."""
    (tmp_path / "modules").mkdir()
    (tmp_path / "modules" / "local_constants.py").write_text(
        "CONSTANTS = (0.3141, 2.71828, 123.25, -7.625, 0.001953125, 31.5, -0.0625, 6.5e3)\n")

    def inputs(cwd: Path, log: Path, *extra: str) -> tuple[list[str], list[str]]:
        """The node ids of the checks run from ``cwd``, and the inputs they drew."""
        environment = {**os.environ, "INPUT_LOG": str(log),
                       "PYTHONPATH": os.pathsep.join([str(TESTS_DIR), str(tmp_path / "modules"), *sys.path])}
        command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *extra,
                   "--backend=input_logging_backend", "--entries=abs,softplus"]
        collected = subprocess.run(command + ["--collect-only", "-q"], cwd=cwd, env=environment,
                                   capture_output=True, text=True, timeout=300, check=True)
        subprocess.run(command, cwd=cwd, env=environment, capture_output=True, timeout=300, check=True)
        return [line for line in collected.stdout.splitlines() if "::" in line], log.read_text().splitlines()

    (tmp_path / "empty").mkdir()
    short_ids, first = inputs(tmp_path / "empty", tmp_path / "first.log")
    suite_home = Path(conformance.__file__).resolve().parents[1]
    long_ids, second = inputs(suite_home, tmp_path / "second.log", "-p", "local_constants")
    # The path is relative to the rootdir: the suite's own directory, or a project above it (a tox env's
    # site-packages lies inside the checkout, whose pyproject.toml makes the checkout the rootdir).
    assert short_ids[0].startswith("test_") and f"/{long_ids[0]}".count("/conformance/suite/test_") == 1
    assert len(first) > 50
    assert first == second


def test_python_m_conformance_runs_where_plugins_are_not_autoloaded(tmp_path):
    """``python -m conformance`` gives the verdict ``pytest`` gives, even with plugin autoloading off."""
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS_DIR), *sys.path]),
                   "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    reports = {}
    for name, command in (("module", [sys.executable, "-m", "conformance"]),
                          ("pytest", [sys.executable, "-m", "pytest", "-p", "conformance.plugin",
                                      "-p", "_hypothesis_pytestplugin"])):
        path = tmp_path / f"{name}.json"
        done = subprocess.run([*command, "-p", "no:cacheprovider", "--backend=broken_backends.eye_all_ones",
                               "--entries=eye,abs", f"--conformance-report={path}"], cwd=tmp_path, env=environment,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 1, done.stdout + done.stderr
        assert "Warning" not in done.stdout, done.stdout
        reports[name] = json.loads(path.read_text())
    assert reports["module"]["entries"] == reports["pytest"]["entries"]
    assert reports["module"]["entries"]["eye"]["status"] == "mismatch"


def test_a_run_leaves_no_hypothesis_directory_in_the_working_directory(tmp_path):
    """Hypothesis caches its Unicode tables in ``.hypothesis/`` of the current directory even without an
    example database (``set_floatx``'s checks draw text): a run must leave the user's directory as it was."""
    environment = {key: value for key, value in os.environ.items() if key != "HYPOTHESIS_STORAGE_DIRECTORY"}
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--backend=reference_backend",
                           "--entries=set_floatx"], cwd=tmp_path, env=environment, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == []


def test_statuses_are_coloured_where_pytest_colours_its_output(run_suite, monkeypatch):
    """Through pytest's terminal writer: mismatch and error red, missing yellow, conform green; none with
    --color=no, nor with NO_COLOR (pytest's rule: it wins over FORCE_COLOR)."""
    entries = "--entries=sqrt,log,abs,zeros"
    run = run_suite("--backend=half_written_backend", entries, "--color=yes")
    red, yellow, green = "\x1b[31m", "\x1b[33m", "\x1b[32m"
    assert f"  sqrt: {red}mismatch" in run.output and f"  log: {red}error" in run.output
    assert f"{yellow}missing:" in run.output
    header = next(line for line in run.output.splitlines() if line.startswith("category"))
    assert f"{green} conform" in header and f"{yellow} missing" in header
    monkeypatch.delenv("PY_COLORS", raising=False)
    for colourless in (("--color=no",), ()):
        if not colourless:
            monkeypatch.setenv("NO_COLOR", "1")
            monkeypatch.setenv("FORCE_COLOR", "1")
        run = run_suite("--backend=half_written_backend", entries, *colourless)
        assert "mismatch" in run.output and "\x1b[" not in run.output
