"""The report files of a run: their paths checked before the run, every one rendered before
any is opened, each written in one step. A report is never lost or left half-written.

* ``ReportPaths.validate(baseline)`` refuses, before any check runs, an empty path,
  a path that could not be written, two reports on one file, and a report on the
  ``--baseline`` file it would overwrite (``--write-baseline`` may name it: that
  updates the baseline);
* ``write_report_files(report, paths)`` renders every requested file first (a renderer
  that fails leaves every file as it was), then writes each with ``write_atomically``;
* ``write_atomically(path, text)`` replaces a file through a temporary file in its
  directory and ``os.replace``: a reader, or a run killed midway, sees the old file or
  the new one, never a part of one.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from . import rendering
from .untrusted_text import escape_surrogates
from .verdict import GapReport


@dataclass
class ReportPaths:
    """The files a run writes (None: not asked for)."""

    json: str | None
    markdown: str | None
    baseline: str | None = None  # --write-baseline

    def requested(self) -> list[tuple[str, str, Callable[[GapReport], str]]]:
        """(option, path, renderer) of each file asked for."""
        return [(option, path, render) for option, path, render in (
            ("--conformance-report", self.json, rendering.json_text),
            ("--conformance-markdown", self.markdown, rendering.markdown),
            ("--write-baseline", self.baseline, rendering.baseline_text)) if path is not None]

    def validate(self, baseline: str | None = None) -> None:
        """Fail early, with one line, when a report could not be written or would destroy
        another file the run needs: another report, or the ``--baseline`` it reads."""
        written = [(option, path) for option, path, _ in self.requested()]
        for option, path in written:
            directory = os.path.dirname(os.path.abspath(path))
            if not path.strip():  # an unset variable in a CI job: the report would be lost
                raise pytest.UsageError(f"{option}={path!r} is empty; expected a file path")
            if os.path.isdir(path):
                raise pytest.UsageError(f"{option}={path} is a directory; expected a file path")
            if not os.path.isdir(directory):
                raise pytest.UsageError(f"{option}={path}: the directory {directory} does not exist")
            if not os.access(directory, os.W_OK) or (os.path.exists(path) and not os.access(path, os.W_OK)):
                raise pytest.UsageError(f"{option}={path}: not writable")
            if baseline is not None and option != "--write-baseline" and _same_file(path, baseline):
                raise pytest.UsageError(f"{option}={path} is the --baseline file: the report would replace the "
                                        "known gaps it holds; expected another path")
        for index, (option, path) in enumerate(written):
            for other, other_path in written[index + 1:]:
                if _same_file(path, other_path):
                    raise pytest.UsageError(f"{option} and {other} both name {path}: one would replace the other; "
                                            "expected a file for each")


def write_report_files(report: GapReport, paths: ReportPaths) -> list[str]:
    """Write the files ``paths`` asks for (see the module docstring); one line per file that
    could not be written. A run whose backend did not load judged nothing: no baseline is written."""
    texts = [(option, path, render(report)) for option, path, render in paths.requested()
             if not (option == "--write-baseline" and report.info.load_error)]
    errors = []
    for option, path, text in texts:
        try:
            write_atomically(path, text)
        except OSError as error:
            errors.append(f"cannot write {option}={path}: {error.strerror or error}")
    return errors


def write_atomically(path: str, text: str) -> None:
    """Replace the file at ``path`` with ``text`` in UTF-8, in one step (see the module docstring).

    Lone surrogates, which UTF-8 cannot encode, are written as their backslash escapes.
    A symbolic link is followed: its target is replaced. A file that is replaced keeps
    its permissions; a new one gets those ``open`` would give it. A path that is not a
    regular file (``/dev/stdout``, a pipe) cannot be replaced and is written in place.
    Raises ``OSError``; a regular file is then as it was, and no temporary file is left.
    """
    data = escape_surrogates(text).encode("utf-8")
    target = os.path.realpath(path)
    existing = _status(target)
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        with open(target, "wb") as stream:
            stream.write(data)
        return
    directory, name = os.path.split(target)
    temporary = os.path.join(directory, f".{name}.{secrets.token_hex(4)}.tmp")
    # O_EXCL: never write through a file someone else made; 0o666: the umask applies, as with open().
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())  # the data on disk before the name points at it
        if existing is not None:
            os.chmod(temporary, stat.S_IMODE(existing.st_mode))
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _status(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None


def _same_file(first: str, second: str) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:  # one of them does not exist yet
        return os.path.realpath(first) == os.path.realpath(second)
