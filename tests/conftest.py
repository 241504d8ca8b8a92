"""Helpers to run the conformance suite from the project's own tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conformance.catalogue import CATALOGUE

pytest_plugins = ["pytester"]

TESTS_DIR = Path(__file__).resolve().parent
GAP_STATUSES = ("missing", "mismatch", "error")


@dataclass
class SuiteRun:
    """The result of one run of the suite: exit status, output and the JSON report (if written)."""

    ret: int
    output: str
    report: dict | None

    def statuses(self, *wanted: str) -> dict[str, str]:
        """Entry -> status, for the entries whose status is in ``wanted`` (all when empty)."""
        return {name: entry["status"] for name, entry in self.report["entries"].items()
                if not wanted or entry["status"] in wanted}


def assert_caught_on_its_entry_only(run: SuiteRun, module) -> None:
    """The run reports exactly ``module.BROKEN_ENTRY`` as a gap, with ``EXPECTED_MESSAGE``;
    entries it blocks wait for it and nothing else."""
    assert run.ret == 1, run.output
    gaps = run.statuses(*GAP_STATUSES)
    assert set(gaps) == {module.BROKEN_ENTRY}, gaps
    messages = [gap["message"] for gap in run.report["entries"][module.BROKEN_ENTRY]["gaps"]]
    assert any(module.EXPECTED_MESSAGE in message for message in messages), messages
    for entry in run.statuses("blocked"):
        assert run.report["entries"][entry]["blocked_by"] == [module.BROKEN_ENTRY]


def options_judging(entries_relying_on: dict[str, set[str]], entry: str) -> tuple[str, ...]:
    """The options of a run judging a backend that breaks ``entry``: ``--entries`` for the entries whose
    checks call it (only their verdicts can change, see ``entries_relying_on``), and ``-p no_shrinking``
    where those are most of the catalogue. A backend breaking an entry that most checks call (variable,
    placeholder, function, ...) fails nearly every check, and shrinking each failure is then half the
    run's cost; its verdicts are the same without (tests/no_shrinking.py). Smaller runs keep the minimal
    examples their messages are judged by."""
    relying = sorted(entries_relying_on.get(entry, {entry}))
    unshrunk = ("-p", "no_shrinking") if len(relying) > len(CATALOGUE) // 2 else ()
    return (f"--entries={','.join(relying)}", *unshrunk)


@pytest.fixture
def run_suite(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch):
    """Run the suite in this process (fast) with the given options; a JSON report is always requested."""
    monkeypatch.syspath_prepend(str(TESTS_DIR))
    monkeypatch.delenv("KERAS_BACKEND", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)  # our own CI's: no annotations in the outputs tests read
    monkeypatch.setenv("KERAS_HOME", str(pytester.path / "keras-home"))

    def fresh(name: str) -> bool:
        return name.partition(".")[0] in ("reference_backend", "broken_backends") or name.startswith(
            "conformance.suite.")

    imported_before = {name for name in sys.modules if fresh(name)}

    def run(*args: str) -> SuiteRun:
        # Each run imports its backend and the suite's check modules afresh, as a new pytest
        # process would: hypothesis' pytest plugin wraps a parametrized check's settings
        # once per item, so reused check functions would carry ever longer settings
        # chains from run to run (until RecursionError), and the profile of their first run.
        for name in [n for n in sys.modules if fresh(n)]:
            monkeypatch.delitem(sys.modules, name)
        path = pytester.path / "report.json"
        path.unlink(missing_ok=True)
        result = pytester.runpytest_inprocess(*args, f"--conformance-report={path}", "-p", "no:cacheprovider")
        report = json.loads(path.read_text()) if path.exists() else None
        return SuiteRun(int(result.ret), "\n".join(result.outlines + result.errlines), report)

    yield run
    # Modules first imported by a run (a reference_backend submodule, say, holding that run's --floatx)
    # must not serve later tests in this process; monkeypatch then restores the ones the runs replaced.
    for name in [n for n in sys.modules if fresh(n) and n not in imported_before]:
        del sys.modules[name]


class _InvolvementCollector:
    """A pytest plugin noting, for each check of a run, the entries it called."""

    def __init__(self) -> None:
        self.calling: dict[str, set[str]] = {}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        for key, value in report.user_properties:
            if key == "conformance":
                outcome = json.loads(value) if isinstance(value, str) else value
                for called in (outcome["entry"], *outcome["involved"]):
                    self.calling.setdefault(called, set()).add(outcome["entry"])


@pytest.fixture(scope="session")
def entries_relying_on(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    """Entry -> the entries whose checks call it (itself included), from one run of
    the suite against the reference. A backend that differs from the reference in
    one entry B can only change the verdict of checks that call B, so a broken
    backend's run needs only the entries relying on B."""
    collector = _InvolvementCollector()
    fresh = ("reference_backend", "conformance.suite.")
    saved = {name: module for name, module in sys.modules.items() if name.startswith(fresh)}
    # The run imports the backend and the checks afresh, as run_suite does: check functions an earlier
    # test of this process imported carry the hypothesis settings of their first run (a FailedHealthCheck
    # of spatial_3d_padding here once, under -n 2, where the profile suppresses health checks).
    for name in saved:
        del sys.modules[name]
    workdir = tmp_path_factory.mktemp("involvement")
    previous = os.getcwd()
    os.chdir(workdir)
    try:
        code = pytest.main(["--backend=reference_backend", "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
                            f"--conformance-report={workdir / 'report.json'}"], plugins=[collector])
    finally:
        os.chdir(previous)
        for name in [n for n in sys.modules if n.startswith(fresh)]:
            del sys.modules[name]
        sys.modules.update(saved)
    assert code == 0, "the reference must conform before broken backends can be judged"
    return collector.calling


@pytest.fixture(scope="session")
def failed_checks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory shared by every test process of this session (xdist workers
    included) where broken-backend runs note which checks failed."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # each worker's base directory sits in the session's
    path = root / "failed-checks"
    path.mkdir(exist_ok=True)
    return path


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The every-check-can-fail test goes last, to reuse the broken-backend runs' notes."""
    items.sort(key=lambda item: item.module.__name__ == "test_every_check_can_fail")


@pytest.fixture
def run_suite_subprocess(tmp_path: Path):
    """Run pytest in a new interpreter, in an empty directory: exit status and
    output exactly as a user sees them. ``env`` entries override the environment."""

    def run(*args: str, env: dict[str, str] | None = None, report: bool = True) -> SuiteRun:
        path = tmp_path / "report.json"
        path.unlink(missing_ok=True)
        environment = {k: v for k, v in os.environ.items() if k not in ("KERAS_BACKEND", "GITHUB_ACTIONS")}
        environment.update({"PYTHONPATH": os.pathsep.join([str(TESTS_DIR), *sys.path]),
                            "KERAS_HOME": str(tmp_path / "keras-home")})
        environment.update(env or {})
        command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args]
        if report:
            command.append(f"--conformance-report={path}")
        workdir = tmp_path / "cwd"
        workdir.mkdir(exist_ok=True)
        done = subprocess.run(command, env=environment, cwd=workdir, capture_output=True, text=True, timeout=600)
        return SuiteRun(done.returncode, done.stdout + done.stderr,
                        json.loads(path.read_text()) if path.exists() else None)

    return run


@pytest.fixture
def floatx_float32():
    """The reference's floatx pinned for a test that depends on it: an in-process suite run of another
    test in the same worker may leave the reference under another floatx (seen, not yet traced)."""
    import reference_backend

    before = reference_backend.floatx()
    reference_backend.set_floatx("float32")
    yield
    reference_backend.set_floatx(before)
