"""The pytest plugin (registered through the ``pytest11`` entry point).

It stays dormant unless the run is a conformance run: ``--backend`` is given,
or the suite (``conformance.suite``) is among the collected paths. Then it:
swaps the default test paths for the installed suite, loads the backend,
prints what is tested in the header, turns every check's result into an
outcome, and ends with the gap report, the report files and the exit status
(0: no gap, or only gaps the ``--baseline`` expects; 1: gaps, or under
``--strict-baseline`` a known gap that is gone; 4: no check was selected, the backend could not
be loaded, or an option or the baseline file is bad). ``--collect-only`` gives no verdict.
In a JUnit file, a required entry the backend lacks is one failure (its presence check), and each
check's outcome is a JSON property; under GitHub Actions each gap entry is an ``::error`` annotation.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest

from .catalogue import CATALOGUE
from .classify import classify, crash_outcome
from .contract import DATA_FORMATS, FLOAT_TYPES, Contract
from .escapes import screened
from .listing import FORMATS
from .listing import entries as listed_entries
from .listing import render as render_listing
from .markers import MARKER_HELP, entry_marker, judged_entry
from .outcomes import GAP_STATUSES, Aspect, CheckOutcome, OutcomeKind, check_outcome
from .profiles import (
    PROFILES,
    keep_storage_out_of_the_working_directory,
    key_examples_by_check,
    shrink_unless_expected,
)
from .rendering import github_annotations, terminal_segments
from .run import DEFAULT_CHECK_TIMEOUT, ConformanceRun
from .untrusted_text import capped, capped_lines, exception_text, printable
from .watchdog import MAX_DEADLINE, Supervisor, deadline, passes_through

SUITE_DIR = Path(__file__).resolve().parent / "suite"
MODEL_CHECKS = Path(__file__).resolve().parent / "models" / "test_scenarios.py"
MODEL_TIER_PROPERTY = "model_tier"  # the property the model tier's checks report their lines under
MODEL_TIER_CALLED_PROPERTY = "model_tier_called"  # and the entries a diverging scenario called
RUN_KEY = pytest.StashKey[ConformanceRun]()
PHASES_KEY = pytest.StashKey[dict[str, CheckOutcome]]()  # a check's outcome of each phase so far


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("keras-backend-conformance", "Keras backend conformance")
    group.addoption("--backend", metavar="MODULE",
                    help="the Keras 2 backend module to check, e.g. my_package.my_backend; 'tensorflow' means "
                         "tf_keras.backend. Without it, 'pytest --pyargs conformance.suite' resolves the backend as "
                         "Keras 2 does: $KERAS_BACKEND, then keras.json, then the reference backend.")
    group.addoption("--backend-setup", metavar="MODULE:FUNCTION",
                    help="call MODULE.FUNCTION() before the backend is imported, here and in every new interpreter "
                         "the suite starts, e.g. tensorflow.compat.v1:disable_eager_execution for tf_keras in "
                         "TF1 graph mode (MODULE alone: import it)")
    group.addoption("--floatx", choices=FLOAT_TYPES,
                    help="set the backend's floatx for the whole run (default: as the backend starts)")
    group.addoption("--image-data-format", dest="image_data_format", choices=DATA_FORMATS,
                    help="set the backend's image data format for the whole run")
    group.addoption("--contract", choices=tuple(Contract), default=str(Contract.KERAS_2),
                    help="the Keras 2 family to hold the backend to where tf_keras and classic Keras 2.3 differ: "
                         "keras-2 (default: either family's behaviour passes, and the report says which one the "
                         "backend follows), tf_keras, or keras-2.3 (classic multi-backend Keras 2.2/2.3)")
    group.addoption("--entries", metavar="PATTERNS",
                    help="check only these entries: names or globs, comma-separated, e.g. 'conv*,rnn'")
    group.addoption("--conformance-profile", choices=tuple(PROFILES), default="default",
                    help="how hard hypothesis tries: default (fast, deterministic), quick (fewer examples, for "
                         "backends that compile every graph), ci (more examples, deterministic), thorough (many "
                         "examples, random; --hypothesis-seed repeats a run)")
    group.addoption("--check-timeout", type=float, default=DEFAULT_CHECK_TIMEOUT, metavar="SECONDS",
                    help=f"a check running longer is stopped and reported as an error of its entry "
                         f"(default {DEFAULT_CHECK_TIMEOUT:g}; 0: no limit; at most {MAX_DEADLINE:g}, one day)")
    group.addoption("--isolate", action="store_true",
                    help="run each check in a new child process, forked from the state the backend had after "
                         "import (slower); by default one child runs the checks until the backend crashes it")
    group.addoption("--clear-between-examples", action="store_true",
                    help="also clear the backend's session before every example of a check, once a first "
                         "clear_session proved harmless (by default only between checks): faster where each "
                         "evaluation slows with the graph built so far (TF1 graph mode), slower where clear_session "
                         "itself costs (tf_keras in eager mode drops its kernel caches)")
    group.addoption("--list-entries", nargs="?", const="text", choices=FORMATS, metavar="FORMAT",
                    help="print every entry of the contract (category, families, signature, one-line contract) "
                         "as text, markdown or json, and exit")
    group.addoption("--models", action="store_true",
                    help="also run the model tier: Keras 2.3.1 trains small models through the backend and through "
                         "the reference, compared step by step (needs keras-backend-conformance[keras2])")
    group.addoption("--conformance-report", metavar="PATH", help="write the gap report as JSON to PATH")
    group.addoption("--conformance-markdown", metavar="PATH", help="write the gap report as Markdown to PATH")
    group.addoption("--baseline", metavar="FILE",
                    help="a TOML file of known gaps: they are reported as 'expected' and do not fail the run; "
                         "or the name of a baseline shipped with the suite (tf_keras, theano)")
    group.addoption("--strict-baseline", action="store_true",
                    help="with --baseline: a known gap that is fixed (or matches no check) fails the run")
    group.addoption("--write-baseline", metavar="FILE",
                    help="write this run's gaps as a baseline to FILE (new ones with category 'bug', to triage)")


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config: pytest.Config, parser: pytest.Parser, args: list[str]) -> None:
    """With ``--backend`` (even an empty one, which the run refuses) and no explicit paths, collect the
    installed suite, not the current directory: its conftest files are not even imported."""
    namespace = early_config.known_args_namespace
    if getattr(namespace, "backend", None) is not None and not namespace.file_or_dir:
        paths = [str(SUITE_DIR)] + ([str(MODEL_CHECKS.parent)] if getattr(namespace, "models", False) else [])
        args.extend(paths)
        namespace.file_or_dir = paths


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> int | None:
    """``--list-entries``: the contract, printed instead of a run."""
    form = config.getoption("list_entries")
    if form is None:
        return None
    sys.stdout.write(render_listing(listed_entries(), form))
    return 0


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", MARKER_HELP)
    if _is_conformance_run(config):
        # Overflow to inf and NaN from invalid operations are part of what is checked, not news.
        config.addinivalue_line("filterwarnings", "ignore:(overflow|invalid value|divide by zero):RuntimeWarning")
        _quiet_pytest_summaries(config)
        keep_storage_out_of_the_working_directory(config)
        try:
            run = ConformanceRun.start(config)
        except pytest.UsageError as error:  # its line may quote a backend's message or the user's input
            raise pytest.UsageError(printable(str(error))) from None
        config.stash[RUN_KEY] = run
        config.pluginmanager.register(ConformanceSession(run), "conformance-session")


def _quiet_pytest_summaries(config: pytest.Config) -> None:
    """The gap report says what failed and how, with a reproduction: pytest's tracebacks and its
    list of failed checks would bury it (thousands of lines for a young backend). Unless the user
    asked for them (``--tb``, ``-r``), pytest prints neither."""
    if config.option.tbstyle == "auto":
        config.option.tbstyle = "no"
    if config.option.reportchars == "fE":
        config.option.reportchars = ""


def _is_conformance_run(config: pytest.Config) -> bool:
    if config.getoption("backend") is not None:  # an empty one too: the run refuses it
        return True
    for arg in config.args:
        target = arg.split("::")[0]
        if config.option.pyargs and target.startswith("conformance"):
            return True
        path = Path(target).resolve()
        if path == SUITE_DIR or SUITE_DIR in path.parents:  # not its parents: a project's venv may hold it
            return True
    return False


def _in_suite(item: pytest.Item) -> bool:
    return SUITE_DIR in Path(item.path).resolve().parents


def _bound_failure_text(report: pytest.TestReport) -> None:
    """pytest's own record of a failure quotes the backend's message whole: capped and its lone
    surrogates escaped (``untrusted_text``), as in every report, it crosses to an xdist controller
    (which cannot carry a surrogate) and reaches a JUnit file at a bounded size."""
    longrepr = report.longrepr
    if isinstance(longrepr, tuple):  # a skip: (path, line, reason)
        path, line, reason = longrepr
        report.longrepr = (path, line, capped(reason))
    elif longrepr is not None:
        report.longrepr = capped_lines(report.longreprtext)


class ConformanceSession:
    """The hooks of a conformance run, registered only when there is one."""

    def __init__(self, run: ConformanceRun):
        self.run = run
        self.errors: list[str] = []  # one line each: a report that could not be written, an empty selection
        self.exitstatus: int | pytest.ExitCode = pytest.ExitCode.OK  # the run's, once it is known
        self.model_failed = False  # a scenario of the model tier (--models) diverged
        self.model_blocks: list[list[str]] = []  # what its checks said, each block once (the install hint)
        self.model_called: set[str] = set()  # the entries its diverging scenarios called
        # Checks run in a forked runner process, so that a crash or a hang of the backend costs one
        # check, not the run and its reports (where the platform cannot fork, in this process).
        # Between checks, and between examples once that proved safe, a runner clears the backend's
        # session (``session_reset``), unless each check has a runner of its own anyway.
        reset = run.session_reset
        self.supervisor = Supervisor(run.time_limit, crash_outcome, run.backend.report_progress_to,
                                     run.backend.hang_in,
                                     **({"checks_per_runner": 1} if run.isolate else
                                        {"reset": reset} if reset.available else {})
                                     ) if run.forks else None

    def pytest_report_header(self) -> list[str]:
        return [printable(line) for line in self.run.header_lines()]

    def pytest_collection_modifyitems(self, config: pytest.Config, items: list[pytest.Item]) -> None:
        """Keep the checks of the selected entries; every check must name its entry."""
        selected = set(self.run.selected)
        kept: list[pytest.Item] = []
        deselected: list[pytest.Item] = []
        for item in items:
            if not _in_suite(item):
                kept.append(item)
                continue
            judged = entry_marker(item)
            if judged is None:
                raise pytest.UsageError(f"suite check {item.nodeid} has no entry marker: "
                                        "every check must name its entry")
            (kept if judged[0] in selected else deselected).append(item)
            self.run.entry_of[item.nodeid] = judged[0]
        if deselected:
            config.hook.pytest_deselected(items=deselected)
            items[:] = kept

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        """The checks that must run (after every plugin's selection: --entries, -k, -m)."""
        self.run.to_run.update(item.nodeid for item in session.items if _in_suite(item))

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_protocol(self, item: pytest.Item, nextitem: pytest.Item | None) -> bool | None:
        if self.supervisor is not None and _in_suite(item):
            self.supervisor.run(item, nextitem)
            return True
        return None

    # trylast: inside hypothesis' own wrapper, which keys a parametrized check's
    # examples by its node id just before this runs.
    @pytest.hookimpl(wrapper=True, trylast=True)
    def pytest_runtest_call(self, item: pytest.Item) -> Generator[None, object, object]:
        """Run a check within its deadline, with ``HOME`` in the run's sandbox; what escapes it is
        ``escapes.screened``: a skip, ``exit`` or another test runner's exception that the backend's
        code raised outside any call of an entry (an object it answered, ...) is its error, not the
        check's verdict. Here rather than per hypothesis example: pytest's and unittest's skips end
        hypothesis at once, and this also covers the checks without hypothesis."""
        if not _in_suite(item):
            return (yield)
        key_examples_by_check(item)
        shrink_unless_expected(item, self.run.known_gap(self.run.entry_of[item.nodeid], item.name) is not None)
        seconds = self.run.time_limit(item)
        source = "--check-timeout" if seconds == self.run.check_timeout else "its time_limit in the baseline"
        with deadline(seconds, source), self.run.sandbox.checking():
            try:
                return (yield)
            except BaseException as escaped:  # noqa: B036 - re-raised, or replaced by what it means
                judged = screened(escaped, self.run.backend.check.log.calls)
                if judged is escaped:
                    raise
                raise judged from None

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[None]
                                  ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
        # Classified where the check ran (an xdist worker, perhaps); the outcome
        # travels to the controller inside the report's user_properties.
        report = yield
        if _in_suite(item):
            try:
                outcome = classify(item, call, report, self.run.backend.check, self.run.loaded.choice.name,
                                   self.run.loaded.choice.setup)
            except BaseException as error:  # noqa: B036 - a bug of the suite must not end the whole run
                if passes_through(error):
                    raise
                outcome = CheckOutcome(nodeid=item.nodeid, entry=judged_entry(item)[0], check=item.name,
                                       kind=OutcomeKind.ERROR,
                                       message=capped(f"the suite could not classify this check: "
                                                      f"{type(error).__name__}: {exception_text(error)}"))
            phases = item.stash.setdefault(PHASES_KEY, {})
            phases[call.when] = outcome
            if call.when == "teardown":  # the phase a JUnit file takes a test case's properties from
                outcome = check_outcome(phases)
            report.user_properties.append(("conformance", outcome.to_property()))
            self._fail_missing(report, outcome)
            self._mark_known(report, outcome)
            _bound_failure_text(report)
        return report

    def _fail_missing(self, report: pytest.TestReport, outcome: CheckOutcome) -> None:
        """The presence check of an entry the contract requires and the backend lacks fails (pytest
        would count it a skip: ``EntryMissing`` is one, so that the entry's other checks are skips):
        a JUnit file counts one failure per missing entry, as the report counts one gap."""
        if (outcome.aspect is Aspect.PRESENCE and outcome.kind == OutcomeKind.MISSING
                and outcome.missing_entry == outcome.entry and report.skipped
                and not CATALOGUE[outcome.entry].optional(self.run.contract)):
            report.outcome = "failed"
            report.longrepr = f"{outcome.entry}: missing: {outcome.message}"

    def _mark_known(self, report: pytest.TestReport, outcome: CheckOutcome) -> None:
        """A check failing as the baseline expects is an xfail, in the terminal and in JUnit files alike."""
        known = self.run.known_gap(outcome.entry, outcome.check)
        if self.run.baseline is not None and known is not None and report.failed:
            report.outcome = "skipped"
            report.wasxfail = (f"known gap ({known.category}, {self.run.baseline.path}): "
                               f"{known.reason.splitlines()[0]}")

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.nodeid.split("::")[0].endswith(MODEL_CHECKS.name):
            self.model_failed = self.model_failed or report.failed  # its own lines follow the gap report
            for key, lines in report.user_properties:
                if key == MODEL_TIER_PROPERTY and isinstance(lines, list):
                    if lines not in self.model_blocks:
                        self.model_blocks.append(lines)
                elif key == MODEL_TIER_CALLED_PROPERTY and isinstance(lines, list):
                    self.model_called.update(lines)
            return
        outcomes = [value for key, value in report.user_properties
                    if key == "conformance" and isinstance(value, (str, dict))]
        for value in outcomes:
            self.run.record(CheckOutcome.from_property(value), report.when)
        if report.failed and not outcomes:
            # A failure no check classified, such as an xdist worker that crashed mid-check.
            self.run.unclassified[report.nodeid] = capped((report.longreprtext.strip().splitlines() or ["failed"])[-1])

    @pytest.hookimpl(optionalhook=True)
    def pytest_testnodedown(self, node: Any, error: object) -> None:
        """xdist: learn which entry each check judges, and which checks must run, from every worker that
        ends normally (each collects them all)."""
        output = getattr(node, "workeroutput", {})
        self.run.entry_of.update(output.get("conformance_entries", {}))
        self.run.to_run.update(output.get("conformance_to_run", []))

    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        if self.supervisor is not None:
            self.supervisor.close()
        worker_output = getattr(session.config, "workeroutput", None)
        if worker_output is not None:  # an xdist worker: the controller reports
            worker_output["conformance_entries"] = self.run.entry_of
            worker_output["conformance_to_run"] = sorted(self.run.to_run)
            return
        if session.config.option.collectonly:
            return  # nothing ran, so there is no verdict to give and no report to write
        if not self.run.to_run:
            self.errors = ["no conformance check was selected (paths, -k or -m left none of the suite's "
                           "checks); expected no paths (the installed suite) or a selection that keeps some"]
            session.exitstatus = self.exitstatus = pytest.ExitCode.USAGE_ERROR
            return
        self.run.finish()
        self.errors = self.run.write_reports()
        if self.errors:
            session.exitstatus = pytest.ExitCode.USAGE_ERROR
        elif exitstatus in (pytest.ExitCode.OK, pytest.ExitCode.TESTS_FAILED):
            failed = self.run.failed() or self.model_failed
            session.exitstatus = pytest.ExitCode.TESTS_FAILED if failed else pytest.ExitCode.OK
        self.exitstatus = session.exitstatus

    @pytest.hookimpl(trylast=True)
    def pytest_unconfigure(self, config: pytest.Config) -> None:
        """Once everything is reported, the run's sandbox goes; a thread the backend left running (started
        at import, in this process) must not keep the run alive, so the process ends here, with pytest's
        exit status."""
        self.run.sandbox.close()
        others = [t for t in threading.enumerate() if t is not threading.main_thread() and not t.daemon]
        if others and not hasattr(config, "workerinput"):
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(int(self.exitstatus))

    def _model_tier_lines(self) -> list[str]:
        """What the model tier's checks said, then the entries its diverging scenarios called that
        the per-entry checks already found gaps in: likely causes."""
        report = self.run.report
        gaps = {verdict.name for verdict in report.with_status(*GAP_STATUSES)} if report else set()
        likely = sorted(gaps & self.model_called)
        said = [line for block in self.model_blocks for line in block]
        return said + ([f"likely causes the per-entry checks already report: {', '.join(likely)}"]
                                   if likely else [])

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        if self.run.report is None and not self.errors:
            return
        terminalreporter.write_sep("=", "keras backend conformance")
        # A backend's messages are shown as text: no ANSI sequence of theirs reaches the terminal. The
        # statuses are coloured through pytest's writer, which honours --color, NO_COLOR and FORCE_COLOR.
        for segments in terminal_segments(self.run.report) if self.run.report is not None else []:
            terminalreporter.ensure_newline()
            for text, colour in segments:
                terminalreporter.write(printable(text), **({colour: True} if colour else {}))
            terminalreporter.line("")
        if self.model_blocks:
            terminalreporter.write_sep("-", "model tier (Keras 2.3.1)")
            for line in self._model_tier_lines():
                terminalreporter.write_line(printable(line), red=" diverges " in line)
        for line in self.errors:
            terminalreporter.write_line(printable(f"ERROR: {line}"), red=True)
        # In a GitHub Actions job, each gap entry becomes an annotation of the run (the runner sets the variable).
        if os.environ.get("GITHUB_ACTIONS") == "true" and self.run.report is not None:
            for line in github_annotations(self.run.report):
                terminalreporter.write_line(printable(line))
