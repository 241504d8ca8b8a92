"""One conformance run: the backend under test, its settings, its checks and their outcomes.

``ConformanceRun.start`` validates the options, makes the run's sandbox
(``conformance.sandbox``), loads the backend (every problem is a
``pytest.UsageError`` with one line saying what was expected, after writing
whatever report was asked for) and reads its configuration once, for the header,
the report and the checks' inputs; ``begin_check`` makes the ``Check`` each
check records its calls on; ``record`` collects the outcomes; ``finish`` judges
them (``verdict.judge``) and ``write_reports`` writes the files the options ask for.
"""

from __future__ import annotations

import difflib
import importlib
import os
import sys
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import pytest

from .baseline import Baseline, BaselineError, KnownGap
from .baseline import load as load_baseline
from .baseline import resolve as resolve_baseline
from .catalogue import CATALOGUE, KERAS_2_3_IMPORTS, select_entries
from .check import Check
from .config_guard import ConfigGuard
from .contract import Contract
from .loading import (
    ABSENT,
    REFERENCE_BACKEND,
    BackendChoice,
    BackendLoadError,
    LoadedBackend,
    defines,
    import_backend,
    look_up,
    resolve_backend_name,
)
from .oracles import Oracle, oracles
from .outcomes import PRESENCE_CHECK, CheckOutcome, OutcomeKind, check_outcome
from .process_state import SharedState
from .profiles import describe, load_profile
from .recording import RecordingBackend, Settings
from .report_files import ReportPaths, write_report_files
from .sandbox import Sandbox
from .session_reset import SessionReset
from .untrusted_text import capped, exception_text, printable
from .verdict import GapReport, RunInfo, judge
from .watchdog import MAX_DEADLINE, passes_through

_CONTRACT_WORDS = {
    Contract.KERAS_2: "where tf_keras and classic Keras 2.3 differ, either family's behaviour passes",
    Contract.TF_KERAS: "tf_keras' behaviour everywhere",
    Contract.CLASSIC: "classic Keras 2.2/2.3's behaviour everywhere",
}
# Seconds. A hang is caught either way; the limit must not cut short a check that is merely slow: on
# 2 busy cores the slowest check took 147 s against Theano (compiling C code) and over 60 s against
# tf_keras in graph mode, where an idle machine needs a few seconds.
DEFAULT_CHECK_TIMEOUT = 300.0
RUN_READ = "read by the run"
"""The ``check`` name of a gap found when the run itself read the backend's configuration (``read_failures``)."""


@dataclass
class ConformanceRun:
    """The state of a run, shared by the plugin's hooks and the suite's fixtures."""

    loaded: LoadedBackend
    reference: ModuleType
    selected: list[str]
    paths: ReportPaths
    hypothesis: str  # the profile (and seed) in force, as the header and the report show it
    check_timeout: float
    isolate: bool  # --isolate: every check in a runner process of its own
    contract: Contract
    sandbox: Sandbox  # where the backend may write (KERAS_HOME, and HOME during checks)
    baseline: Baseline | None = None  # --baseline
    strict_baseline: bool = False  # --strict-baseline: a fixed or stale known gap fails the run
    clear_between_examples: bool = False  # --clear-between-examples (``session_reset``)
    backend: RecordingBackend = field(init=False)
    oracles: list[Oracle] = field(init=False)  # the answers the contract admits (see conformance.oracles)
    guards: list[ConfigGuard] = field(init=False)
    shared: SharedState = field(init=False)  # numpy's state, sys.path, the oracle's code: no entry may change them
    session_reset: SessionReset = field(init=False)  # clears the backend's session in runners (``session_reset``)
    info: RunInfo = field(init=False)  # what was tested, as read once before any check
    epsilon: str = field(init=False)  # epsilon() then, for the header
    read_failures: dict[str, str] = field(default_factory=dict)  # getter -> what it raised when the run read it
    outcomes: dict[tuple[str, str], CheckOutcome] = field(default_factory=dict)
    unclassified: dict[str, str] = field(default_factory=dict)  # nodeid -> a failure no check classified
    entry_of: dict[str, str] = field(default_factory=dict)  # nodeid -> the entry the check judges
    to_run: set[str] = field(default_factory=set)  # the node ids of the checks selected to run
    report: GapReport | None = None

    @property
    def forks(self) -> bool:
        """Whether checks run in forked runner processes (``watchdog.Supervisor``): wherever
        ``os.fork`` exists."""
        return hasattr(os, "fork")

    def known_gap(self, entry: str, check: str) -> KnownGap | None:
        """The gap of ``--baseline`` (under this run's floatx) that covers ``check`` of ``entry``, if any."""
        return self.baseline.covering(entry, check) if self.baseline is not None else None

    def time_limit(self, item: pytest.Item) -> float:
        """The seconds check ``item`` may run (0: no limit): ``--check-timeout``, or the known gap's
        ``time_limit`` where that is shorter (a check the baseline knows to hang)."""
        known = self.known_gap(self.entry_of.get(item.nodeid, ""), item.name)
        if known is None or known.time_limit is None:
            return self.check_timeout
        return min(known.time_limit, self.check_timeout) if self.check_timeout else known.time_limit

    def __post_init__(self) -> None:
        self.oracles = oracles(self.contract)
        modules = {id(m): m for m in (self.loaded.module, self.reference)}
        self.guards = [ConfigGuard(m) for m in modules.values()]
        self.shared = SharedState([module for name, module in sorted(list(sys.modules.items()))
                                   if name == REFERENCE_BACKEND or name.startswith(f"{REFERENCE_BACKEND}.")])
        self.backend = RecordingBackend(self.loaded.module, Check(self.guards, self.contract, shared=self.shared),
                                        self.contract)
        self.session_reset = SessionReset(self.loaded.module, announce=self.backend.announce)

    def begin_check(self, name: str) -> Check:
        """A new ``Check`` named ``name``: the backend records the calls of the check that begins on it."""
        between_examples = self.session_reset.between_examples if self.clear_between_examples else None
        self.backend.check = Check(self.guards, self.contract, name, shared=self.shared,
                                   between_examples=between_examples)
        return self.backend.check

    @classmethod
    def start(cls, config: pytest.Config) -> ConformanceRun:
        patterns = [p.strip() for p in (config.getoption("entries") or "*").split(",") if p.strip()]
        selected = select_entries(patterns)
        if not selected:
            raise pytest.UsageError(
                f"--entries={config.getoption('entries')!r} matches no entry; expected names or globs "
                f"of the catalogue, comma-separated, such as 'conv*,rnn' ({_nearest_names(patterns)})")
        paths = ReportPaths(config.getoption("conformance_report"), config.getoption("conformance_markdown"),
                            config.getoption("write_baseline"))
        baseline_path = config.getoption("baseline")
        if baseline_path is not None and baseline_path.strip():
            baseline_path = resolve_baseline(baseline_path)
        paths.validate(baseline_path)
        baseline = None
        if baseline_path is not None:
            if not baseline_path.strip():  # an unset variable in a CI job: every known gap would fail the run
                raise pytest.UsageError(f"--baseline={baseline_path!r} is empty; expected a TOML file of known gaps or "
                                        "the name of a shipped one")
            try:
                baseline = load_baseline(baseline_path)
            except BaselineError as error:
                raise pytest.UsageError(f"--baseline: {error}") from None
        elif config.getoption("strict_baseline"):
            raise pytest.UsageError("--strict-baseline needs --baseline=FILE, the known gaps it holds to account")
        seed = config.getoption("hypothesis_seed", None)
        user_profile = config.getoption("hypothesis_profile", None)
        hypothesis_in_force = (describe(user_profile, seed) if user_profile else
                               load_profile(config.getoption("conformance_profile"), seed))
        check_timeout = config.getoption("check_timeout")
        if not 0 <= check_timeout <= MAX_DEADLINE:  # NaN fails both
            raise pytest.UsageError(f"--check-timeout={check_timeout:g}: expected a number of seconds >= 0 and at "
                                    f"most {MAX_DEADLINE:g} (one day); 0: no limit")
        isolate = config.getoption("isolate")
        if isolate and not hasattr(os, "fork"):
            raise pytest.UsageError("--isolate needs os.fork, which this platform does not have")
        clear_between_examples = config.getoption("clear_between_examples")
        if clear_between_examples and (isolate or not hasattr(os, "fork")):
            raise pytest.UsageError("--clear-between-examples needs runner processes that serve several checks: "
                                    "expected it without --isolate, on a platform with os.fork")
        contract = Contract(config.getoption("contract"))
        choice = None
        sandbox = None
        try:
            choice = resolve_backend_name(config.getoption("backend"), setup=config.getoption("backend_setup") or "")
            sandbox = Sandbox()  # after the user's keras.json named the backend, before the backend writes one
            loaded = import_backend(choice)
        except BackendLoadError as error:
            if sandbox is not None:
                sandbox.close()
            _write_load_failure(choice, error, selected, paths, hypothesis_in_force, contract)
            raise pytest.UsageError(str(error)) from None
        try:
            run = cls(loaded, importlib.import_module(REFERENCE_BACKEND), selected, paths, hypothesis_in_force,
                      check_timeout, isolate, contract, sandbox, baseline, config.getoption("strict_baseline"),
                      clear_between_examples)
            run._apply_settings(config)
        except BaseException:
            sandbox.close()
            raise
        run._read_configuration()
        if baseline is not None:
            run.baseline = baseline.under(run.info.floatx)
        return run

    def _apply_settings(self, config: pytest.Config) -> None:
        """Set ``--floatx`` / ``--image-data-format`` on the backend and the reference."""
        for option, setter, getter in (("floatx", "set_floatx", "floatx"),
                                       ("image_data_format", "set_image_data_format", "image_data_format")):
            value = config.getoption(option)
            if value is None:
                continue
            for module in {id(m): m for m in (self.loaded.module, self.reference)}.values():
                flag = f"--{option.replace('_', '-')}={value}"
                applied = _set(module, setter, getter, value, flag)
                if not (isinstance(applied, str) and applied == value):
                    raise pytest.UsageError(f"{flag}: after {module.__name__}.{setter}({value!r}), "
                                            f"{getter}() returns {capped(exception_text(applied))!r}")

    def _read_configuration(self) -> None:
        """Read what the header, the report and the checks' inputs show of the backend, once, before
        any check (``info``, ``epsilon``, the checks' ``Settings``)."""
        module = self.loaded.module
        floatx, image_data_format, self.epsilon = (self._read_setting(getter)
                                                   for getter in ("floatx", "image_data_format", "epsilon"))
        self.info = RunInfo(
            backend=self.loaded.choice.name, source=self.loaded.choice.source, file=self.loaded.file,
            version=self.loaded.version, floatx=floatx, image_data_format=image_data_format,
            hypothesis=self.hypothesis, contract=self.contract, setup=self.loaded.choice.setup,
            keras_2_3_missing=sorted(n for n in KERAS_2_3_IMPORTS if not defines(module, n)))
        self.backend.settings = Settings(self.backend, floatx, image_data_format)

    def _read_setting(self, getter: str) -> str:
        """``str(getter())`` of the backend, else ``<getter() failed: Error>``. A defined getter that raises
        (anything: the run goes on) is noted in ``read_failures``, which ``finish`` reports on its entry."""
        try:
            return str(getattr(self.loaded.module, getter)())
        except BaseException as error:  # noqa: B036 - the backend's failure, reported with the checks
            if passes_through(error):
                raise
            if not isinstance(error, AttributeError):  # an absent getter: its checks say it is missing
                self.read_failures[getter] = capped(f"{getter}() raised {type(error).__name__}: "
                                                    f"{exception_text(error)} when the run read it, before any check")
            return f"<{getter}() failed: {type(error).__name__}>"

    def header_lines(self) -> list[str]:
        info = self.info
        setup = f", after --backend-setup={info.setup}" if info.setup else ""
        return [f"conformance: backend {info.backend} (from {info.source}{setup}), version {info.version}",
                f"conformance: file {info.file}",
                f"conformance: floatx {info.floatx}, image_data_format {info.image_data_format}, "
                f"epsilon {self.epsilon}",
                f"conformance: contract {info.contract} ({_CONTRACT_WORDS[info.contract]})",
                f"conformance: hypothesis {info.hypothesis}; entries {len(self.selected)} of {len(CATALOGUE)}"
                + ("; the session cleared between examples" if self.clear_between_examples else "")]

    def record(self, outcome: CheckOutcome, when: str) -> None:
        self.outcomes[(outcome.nodeid, when)] = outcome

    def finish(self) -> GapReport:
        """Build the report from the outcomes (one per check: its first non-passing phase, else its call)."""
        phases: dict[str, dict[str, CheckOutcome]] = {}
        for (nodeid, when), outcome in self.outcomes.items():
            phases.setdefault(nodeid, {})[when] = outcome
        by_check = {nodeid: check_outcome(found) for nodeid, found in phases.items()}
        unattributed = []
        for nodeid, text in sorted(self.unclassified.items()):
            if nodeid in by_check and by_check[nodeid].kind != OutcomeKind.PASSED:
                continue
            if nodeid in self.entry_of:
                by_check[nodeid] = CheckOutcome(nodeid=nodeid, entry=self.entry_of[nodeid],
                                                check=nodeid.split("::")[-1],
                                                kind=OutcomeKind.ERROR, message=f"{text} (run with --isolate for more)")
            else:
                unattributed.append(f"{nodeid}: {text}")
        for getter, message in sorted(self.read_failures.items()):
            if getter in self.selected:
                by_check[f"run::{getter}"] = CheckOutcome(nodeid=f"run::{getter}", entry=getter, check=RUN_READ,
                                                          kind=OutcomeKind.ERROR, message=message, raised_by=getter)
            else:
                unattributed.append(message)
        not_run = self.to_run - set(by_check) - set(self.unclassified)
        self.report = judge(self.info, self.selected, by_check.values(), unattributed, self.baseline, not_run)
        return self.report

    def failed(self) -> bool:
        """Whether the run fails: gaps not in the baseline, checks that did not run, or (``--strict-baseline``)
        a stale baseline."""
        assert self.report is not None, "finish() first"
        return (self.report.has_gaps() or self.report.incomplete()
                or bool(self.report.baseline_failures(self.strict_baseline)))

    def write_reports(self) -> list[str]:
        """Write the requested files; returns one error line per file that could not be written."""
        assert self.report is not None, "finish() first"
        return write_report_files(self.report, self.paths)


def _write_load_failure(choice: BackendChoice | None, error: BackendLoadError, selected: list[str],
                        paths: ReportPaths, hypothesis_in_force: str, contract: Contract) -> None:
    """Even when the backend cannot be tested, the report says what was found."""
    module = error.module
    info = RunInfo(backend=choice.name if choice else "?", source=choice.source if choice else "?",
                   file=getattr(module, "__file__", None) or "", version="unknown", floatx="", image_data_format="",
                   hypothesis=hypothesis_in_force, contract=contract, load_error=str(error),
                   setup=choice.setup if choice else "", keras_2_3_missing=None if module is None else
                   sorted(n for n in KERAS_2_3_IMPORTS if not defines(module, n)))
    outcomes = []
    if module is not None:
        for name in selected:
            kind = (OutcomeKind.PASSED if defines(module, name) else
                    OutcomeKind.SKIPPED if CATALOGUE[name].optional(contract) else OutcomeKind.MISSING)
            outcomes.append(CheckOutcome(nodeid=f"presence::{name}", entry=name, check=PRESENCE_CHECK,
                                         kind=kind, missing_entry=name if kind == OutcomeKind.MISSING else ""))
    for line in write_report_files(judge(info, selected, outcomes), paths):
        print(printable(f"ERROR: {line}"))


def _nearest_names(patterns: list[str]) -> str:
    """What the user probably meant by ``patterns`` that match nothing: the catalogue names closest
    to each (a typo such as 'conv_2d'), else the first names of the catalogue, as a hint in one line."""
    close = dict.fromkeys(name for pattern in patterns
                          for name in difflib.get_close_matches(pattern.lower(), CATALOGUE, n=3, cutoff=0.6))
    if close:
        return f"did you mean {', '.join(close)}?"
    return f"entries: {', '.join(list(CATALOGUE)[:6])}, ..."


def _set(module: ModuleType, setter: str, getter: str, value: str, flag: str) -> Any:
    """What ``module``'s ``getter()`` answers after ``setter(value)``; ``pytest.UsageError`` saying why not
    (for ``flag``, the option asking for it) when the module lacks them or they raise anything."""
    try:
        set_to, read = look_up(module, setter), look_up(module, getter)
        if set_to is ABSENT or read is ABSENT:
            raise pytest.UsageError(f"{flag} needs {module.__name__}.{setter} and {getter}, "
                                    "which the backend does not define")
        set_to(value)
        return read()
    except pytest.UsageError:
        raise
    except BaseException as error:  # noqa: B036 - SystemExit included: one line, exit status 4
        if passes_through(error):
            raise
        raise pytest.UsageError(f"{flag}: {module.__name__}.{setter} raised "
                                f"{type(error).__name__}: {exception_text(error)}") from None
