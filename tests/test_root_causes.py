"""One root cause, one block: a defect shown by many checks is reported once, listing them, and gives its
entry the same status whichever of those checks a run selected (conformance/causes.py)."""

from __future__ import annotations

import broken_backends.relu_without_alpha as relu_without_alpha
from conftest import assert_caught_on_its_entry_only

BACKEND = "--backend=broken_backends.relu_without_alpha"


def finding_blocks(output: str) -> list[str]:
    """The first line of each block of the report's findings."""
    lines = output.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("FINDINGS:"))
    end = next(n for n, line in enumerate(lines) if line.startswith("category "))
    return [line for line in lines[start + 1:end] if line.startswith("  ") and not line.startswith("   ")]


def test_a_relu_without_alpha_is_one_block_listing_every_check_it_fails(run_suite, pytester):
    markdown = pytester.path / "summary.md"
    run = run_suite(BACKEND, "--entries=relu", f"--conformance-markdown={markdown}")
    assert_caught_on_its_entry_only(run, relu_without_alpha)
    failing = [gap["check"] for gap in run.report["entries"]["relu"]["gaps"]]
    assert len(failing) > 2, failing  # the signature and several checks passing alpha=
    (block,) = finding_blocks(run.output)
    assert block.startswith("  relu: mismatch: signature: parameter 2 should be 'alpha', got max_value"), block
    assert block.endswith(f"({len(set(failing))} checks)"), block
    text = run.output
    assert "checks: test_signature[relu], " in text
    assert "also: K.relu(t1, alpha=" in text and "unexpected keyword argument 'alpha'" in text
    assert "        K.relu(t1, alpha=" in text  # the reproduction is a call showing the defect
    (row,) = [line for line in markdown.read_text().splitlines() if line.startswith("| `relu` | mismatch |")]
    assert row.count("should be 'alpha'") == 1 and "<br>" not in row and f"({len(set(failing))} checks)" in row


def test_the_status_of_a_lacking_parameter_does_not_depend_on_the_checks_selected(run_suite):
    """Without its signature check, the calls' TypeErrors still say the entry lacks a parameter: a mismatch."""
    whole = run_suite(BACKEND, "--entries=relu")
    calls_only = run_suite(BACKEND, "--entries=relu", "-k", "not signature")
    signature_only = run_suite(BACKEND, "--entries=relu", "-k", "signature")
    assert [r.statuses()["relu"] for r in (whole, calls_only, signature_only)] == ["mismatch"] * 3
    (block,) = finding_blocks(calls_only.output)
    assert block.startswith("  relu: mismatch: K.relu(t1, alpha="), block
