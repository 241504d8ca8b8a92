"""keras-conformance-matrix: reports of several runs merged into one table, and bad input refused."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest
from synthetic import INFO, outcome

from conformance import matrix
from conformance.baseline import Baseline, KnownGap
from conformance.matrix import COLOURS, main
from conformance.rendering import json_text
from conformance.verdict import judge

ENTRIES = ("ones", "zeros", "eye")


def write_report(tmp_path, name: str, backend: str, floatx: str, outcomes: list, baseline=None,
                 selected=ENTRIES) -> str:
    """A report as the suite writes it, from outcomes made by hand."""
    info = dataclasses.replace(INFO, backend=backend, floatx=floatx)
    path = tmp_path / name
    path.write_text(json_text(judge(info, selected, outcomes, baseline=baseline)))
    return str(path)


@pytest.fixture
def reports(tmp_path) -> list[str]:
    """The reference under two floatx, a backend with a gap, one with a known gap."""
    conform = [outcome(name) for name in ENTRIES]
    known = Baseline("known.toml", (KnownGap("ones", "bug", "ignores its dtype"),))
    return [write_report(tmp_path, "ref32.json", "reference_backend", "float32", conform),
            write_report(tmp_path, "ref64.json", "reference_backend", "float64", conform),
            write_report(tmp_path, "eye.json", "broken_backends.eye_all_ones", "float64",
                         [outcome("ones"), outcome("zeros"), outcome("eye", "mismatch", message="eye(3): wrong")]),
            write_report(tmp_path, "ones.json", "broken_backends.ones_ignores_dtype", "float32",
                         [outcome("ones", "mismatch", message="dtype"), outcome("zeros"), outcome("eye")], known)]


def test_markdown_has_one_column_per_run_and_totals(reports, tmp_path, capsys):
    out = tmp_path / "matrix.md"
    assert main([*reports, f"--markdown={out}"]) == 0
    text = out.read_text()
    header = next(line for line in text.splitlines() if line.startswith("| entry |"))
    assert header == ("| entry | category | reference_backend [float32, channels_last, keras-2] | "
                      "reference_backend [float64, channels_last, keras-2] | "
                      "broken_backends.eye_all_ones [float64, channels_last, keras-2] | "
                      "broken_backends.ones_ignores_dtype [float32, channels_last, keras-2] |")
    rows = {line.split(" | ")[0]: line.split(" | ")[2:] for line in text.splitlines() if line.startswith("| ")}
    assert rows["| `eye`"] == ["conform", "conform", "**mismatch**", "conform |"]
    assert rows["| `ones`"] == ["conform", "conform", "conform", "expected |"]
    assert rows["| **conform**"] == ["3", "3", "2", "2 |"]
    assert rows["| **expected**"] == ["0", "0", "0", "1 |"]
    assert capsys.readouterr().out == ""  # written to the file only


def test_without_outputs_markdown_goes_to_stdout(reports, capsys):
    assert main(reports[:2]) == 0
    assert "| `zeros` | " in capsys.readouterr().out


def test_html_is_self_contained_with_a_colour_per_status_and_a_legend(reports, tmp_path):
    out = tmp_path / "matrix.html"
    assert main([*reports, f"--html={out}"]) == 0
    page = out.read_text()
    assert "<link" not in page and "<script" not in page and "http" not in page  # nothing fetched
    for colour in COLOURS.values():
        assert colour in page
    assert page.count('<td class="s-expected"') >= 1 and page.count('<td class="s-mismatch"') >= 1
    assert "ignores its dtype" in page  # the known gap's reason, as the cell's tooltip
    assert '<ul class="legend">' in page and "<b>expected</b>: a known gap" in page
    assert page.count('<tr class="total">') == 7


def test_the_same_configuration_twice_is_told_apart_by_file(reports, capsys):
    assert main([reports[0], reports[0]]) == 0
    out = capsys.readouterr().out
    assert out.count("reference_backend [float32, channels_last, keras-2] (ref32.json)") == 4  # list and header, twice


def test_entries_a_run_did_not_select_are_marked(reports, tmp_path, capsys):
    only_eye = write_report(tmp_path, "eye_only.json", "reference_backend", "float32", [outcome("eye")],
                            selected=("eye",))
    assert main([reports[0], only_eye]) == 0
    assert "| `ones` | variables and tensors | conform | — |" in capsys.readouterr().out


@pytest.mark.parametrize("content, fragment", [
    (None, "no such file"),
    ("{not json", "not JSON"),
    ('{"tests": 3}', "not a conformance report"),
    ('{"schema_version": 99, "entries": {}}', "schema_version 99; this keras-conformance-matrix reads versions 1 to"),
    ('{"schema_version": 2, "entries": {"ones": {"status": "great"}}}', "entry 'ones' has no valid status"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys, content, fragment):
    path = tmp_path / "input.json"
    if content is not None:
        path.write_text(content)
    assert main([str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"keras-conformance-matrix: error: {path}") and fragment in err, err


def test_unwritable_output_and_no_arguments(reports, tmp_path, capsys):
    assert main([reports[0], f"--html={tmp_path / 'no-dir' / 'm.html'}"]) == 2
    assert "cannot write" in capsys.readouterr().err
    with pytest.raises(SystemExit) as raised:
        main([])
    assert raised.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_runs_as_a_module(reports, tmp_path):
    done = subprocess.run([sys.executable, "-m", "conformance.matrix", reports[0], str(tmp_path / "none.json")],
                          capture_output=True, text=True)
    assert done.returncode == 2 and done.stderr.strip().endswith("none.json: no such file")


def test_a_report_s_text_is_escaped_and_capped_in_both_outputs(tmp_path, capsys):
    # As a report written before messages were capped holds it: 10 MB, a lone surrogate, HTML.
    message = "byte \udc80 <script>alert(1)</script> | \x1b[2J" + "x" * 10_000_000
    hostile = write_report(tmp_path, "hostile.json", "<img src=x onerror=alert(1)>", "float32",
                           [outcome("ones", "error", message=message), outcome("zeros"), outcome("eye")])
    markdown, page = tmp_path / "matrix.md", tmp_path / "matrix.html"
    assert main([hostile, f"--markdown={markdown}", f"--html={page}"]) == 0, capsys.readouterr().err
    text, html_text = markdown.read_text(encoding="utf-8"), page.read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt; [float32, channels_last, keras-2]" in text
    assert "<img" not in text + html_text and "<script" not in html_text and "\x1b" not in text + html_text
    assert 'title="byte \\udc80 &lt;script&gt;alert(1)&lt;/script&gt; | \x1b' not in html_text
    assert "byte \\udc80 &lt;script&gt;alert(1)&lt;/script&gt; | \\x1b[2J" in html_text
    assert "more characters cut]" in html_text
    assert len(html_text) < 100_000 and len(text) < 100_000


def test_every_output_is_rendered_before_either_file_is_opened(reports, tmp_path, monkeypatch, capsys):
    markdown = tmp_path / "matrix.md"
    markdown.write_text("previous")

    def broken(runs):
        raise RuntimeError("a renderer's bug")

    monkeypatch.setattr(matrix, "to_html", broken)
    with pytest.raises(RuntimeError):
        main([*reports, f"--markdown={markdown}", f"--html={tmp_path / 'matrix.html'}"])
    assert markdown.read_text() == "previous" and not (tmp_path / "matrix.html").exists()
