"""Report files are never lost or half-written: paths checked and texts rendered first, each file replaced at once."""

from __future__ import annotations

import os
import stat
import threading

import pytest
from synthetic import outcome, report

from conformance import rendering
from conformance.report_files import ReportPaths, write_atomically, write_report_files

HOSTILE = [outcome("variable", "error", check="test_variable[eager]",
                   message="K.variable(x) raised ValueError: byte \udc80, <b>bold</b>")]


def leftovers(directory) -> list[str]:
    return sorted(name for name in os.listdir(directory) if name.endswith(".tmp"))


def test_a_file_is_replaced_whole_and_keeps_its_permissions(tmp_path):
    path = tmp_path / "report.md"
    path.write_text("old")
    os.chmod(path, 0o640)
    write_atomically(str(path), "new é")
    assert path.read_text(encoding="utf-8") == "new é"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []


def test_a_new_file_gets_the_permissions_open_would_give(tmp_path):
    previous = os.umask(0o027)
    try:
        write_atomically(str(tmp_path / "new.json"), "{}")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o640


def test_a_lone_surrogate_is_written_as_its_escape(tmp_path):
    path = tmp_path / "report.md"
    write_atomically(str(path), "byte \udc80")
    assert path.read_bytes() == b"byte \\udc80"


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(tmp_path, monkeypatch):
    path = tmp_path / "baseline.toml"
    path.write_text("triaged")

    def refuse(source, destination):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(str(path), "new")
    assert path.read_text() == "triaged" and leftovers(tmp_path) == []


def test_a_symbolic_link_is_followed(tmp_path):
    target, link = tmp_path / "real.md", tmp_path / "link.md"
    target.write_text("old")
    link.symlink_to(target)
    write_atomically(str(link), "new")
    assert link.is_symlink() and target.read_text() == "new"


def test_a_pipe_is_written_in_place(tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    write_atomically(str(pipe), "through the pipe")
    reader.join(timeout=10)
    assert received == [b"through the pipe"] and stat.S_ISFIFO(pipe.stat().st_mode)


def test_every_file_is_rendered_before_any_is_opened(tmp_path, monkeypatch):
    paths = ReportPaths(str(tmp_path / "r.json"), str(tmp_path / "r.md"), str(tmp_path / "b.toml"))
    for path in (paths.json, paths.markdown, paths.baseline):
        with open(path, "w") as handle:
            handle.write("previous")

    def broken(report):
        raise RuntimeError("a renderer's bug")

    monkeypatch.setattr(rendering, "baseline_text", broken)  # the last one rendered
    with pytest.raises(RuntimeError):
        write_report_files(report(HOSTILE), paths)
    for path in (paths.json, paths.markdown, paths.baseline):
        with open(path) as handle:
            assert handle.read() == "previous"


def test_any_message_is_written_in_every_file(tmp_path):
    paths = ReportPaths(str(tmp_path / "r.json"), str(tmp_path / "r.md"), str(tmp_path / "b.toml"))
    assert write_report_files(report(HOSTILE), paths) == []
    assert "byte \\udc80, &lt;b&gt;bold&lt;/b&gt;" in (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "byte \\\\udc80, <b>bold</b>" in (tmp_path / "b.toml").read_text(encoding="utf-8")
    assert "byte \\udc80" in (tmp_path / "r.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("option", ["json", "markdown"])
def test_a_report_on_the_baseline_file_is_refused(tmp_path, option):
    baseline = tmp_path / "known.toml"
    baseline.write_text("")
    (tmp_path / "link.toml").symlink_to(baseline)
    for path in (baseline, tmp_path / "link.toml"):
        paths = ReportPaths(**{"json": None, "markdown": None, option: str(path)})
        with pytest.raises(pytest.UsageError, match=r"is the --baseline file: the report would replace"):
            paths.validate(str(baseline))
    ReportPaths(None, None, str(baseline)).validate(str(baseline))  # --write-baseline updates it


def test_two_reports_on_one_file_are_refused(tmp_path):
    paths = ReportPaths(str(tmp_path / "out"), None, str(tmp_path / "." / "out"))
    with pytest.raises(pytest.UsageError, match="--conformance-report and --write-baseline both name"):
        paths.validate()


@pytest.mark.parametrize("path", ["", "  "])
def test_an_empty_path_is_refused(path):
    with pytest.raises(pytest.UsageError, match=r"--conformance-markdown=.* is empty; expected a file path"):
        ReportPaths(None, path).validate()
