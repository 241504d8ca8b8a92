"""The plugin as a user meets it: where it collects, what it prints, what it writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import TESTS_DIR

import conformance


def test_collects_the_installed_suite_not_the_current_directory(pytester, run_suite):
    pytester.makepyfile(test_unrelated="def test_fails():\n    assert False\n")
    run = run_suite("--backend=reference_backend")
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
    run = run_suite("--backend=broken_backends.eye_all_ones", f"--conformance-markdown={markdown}",
                    f"--junitxml={junit}")
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
    assert "  log: error: K.log(t1) raised NotImplementedError: log is not written yet (4 checks)" in finding_lines
    block = "\n".join(lines[missing:table])
    assert "1. needed first" in block and "dtype (blocks" in block
    assert "tensors: the checks use Python's operators" in block and "Placeholder lacks `*`, `+`" in block
    assert "imported by Keras 2.3.1's loader (134 of its 143 names are missing" in block
    assert "     conv and pooling: conv1d, conv2d," in block and "more" not in block
    assert not any(": missing: the backend does not define" in line for line in lines)
    assert run.statuses("mismatch", "error", "missing")["sqrt"] == "mismatch"


def test_json_report_is_deterministic(run_suite):
    first = run_suite("--backend=broken_backends.function_ignores_updates").report
    second = run_suite("--backend=broken_backends.function_ignores_updates").report
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
    assert short_ids[0].startswith("test_") and long_ids[0].startswith("conformance/suite/test_")
    assert len(first) > 50
    assert first == second
