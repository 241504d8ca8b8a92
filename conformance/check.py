"""The check in progress: the calls it makes, its hypothesis examples, its isolation.

The run makes one ``Check`` as each check begins (``ConformanceRun.begin_check``)
and sets it on the recording backend, which appends every backend call to it.
``given`` (hypothesis' ``given`` for the suite's checks) starts each example on
it. When the check ends, ``classify`` reads from it which entries were called,
the calls of the failing example and how many examples ran. The check, and
each example, runs ``isolated``: the configuration and the state the process
shares are as it found them when it ends.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import hypothesis
from hypothesis.errors import UnsatisfiedAssumption
from hypothesis.strategies import SearchStrategy

from .compare import Mismatch
from .config_guard import ConfigGuard, isolated
from .contract import Contract
from .escapes import BackendMisbehaved, drawn, misbehaviour
from .families import Way
from .process_state import SharedState, StateSnapshot
from .recording import CallLog, RecordedCall, RecordingBackend
from .traits import traits


@dataclass
class Check:
    """The state of one check while it runs."""

    guards: Sequence[ConfigGuard]  # the configurations each example must leave as it found them
    contract: Contract = Contract.KERAS_2
    name: str = ""  # the check's name, as pytest shows it
    log: CallLog = field(default_factory=CallLog)  # the calls of the current example
    entries_called: dict[str, None] = field(default_factory=dict)  # over every example, in first-call order
    examples: int = 0  # hypothesis examples begun
    follows: dict[str, str] = field(default_factory=dict)  # point where the families differ -> the way followed
    example_traits: list[tuple[frozenset[str], bool]] = field(default_factory=list)  # per example: traits, passed
    shared: SharedState | None = None  # the state of the process no entry may change
    between_examples: Callable[[], None] | None = None  # clears the session (``SessionReset.between_examples``)
    _shared_before: StateSnapshot | None = field(default=None, init=False)  # as the innermost isolated block began

    def record(self, call: RecordedCall) -> None:
        """Note a backend call of the current example."""
        self.log.calls.append(call)
        self.entries_called.setdefault(call.entry)

    def follow(self, point: str, way: Way | None) -> None:
        """Note the way the backend followed at ``point`` (None: the ways agreed there): news when the
        contract admits both families, or when the way is a convention of one."""
        if way is not None and (len(self.contract.families) > 1 or way.convention):
            self.follows[point] = str(way)

    def start_example(self) -> None:
        """Begin a hypothesis example: a fresh log, so a failure reproduces that example only, and a
        fresh session where the run clears it between examples."""
        self.examples += 1
        self.log = CallLog()
        if self.between_examples is not None:
            self.between_examples()

    def restore_shared_state(self, audit: bool = False) -> list[str]:
        """Put back the shared state as the current isolated block found it; what had changed
        (``audit``: every binding of the watched code compared, see ``SharedState.changes``)."""
        if self.shared is None or self._shared_before is None:
            return []
        changed = self.shared.changes(self._shared_before, audit)
        if changed:
            self.shared.restore(self._shared_before)
        return changed

    @contextlib.contextmanager
    def isolated(self, block: str) -> Iterator[None]:
        """Run ``block`` (the check, or one of its examples), then restore the guarded configurations
        (see ``config_guard.isolated``) and the shared state (all of it audited after the whole check).
        When the block itself did not fail, what it left behind fails it: ``Mismatch`` for a configuration
        that could not be restored (a broken setter), ``BackendMisbehaved`` for shared state changed
        outside any call of an entry (a call that changes it is that call's error: ``RecordingBackend``)."""
        outer, self._shared_before = self._shared_before, self.shared.snapshot() if self.shared else None
        try:
            with isolated(self.guards) as problems:
                try:
                    yield
                finally:
                    changed = self.restore_shared_state(audit=block == "check")
        finally:
            self._shared_before = outer
        if problems:
            raise Mismatch(f"the {block} changed the configuration and it could not be restored: "
                           + "; ".join(problems))
        if changed:
            raise BackendMisbehaved(f"{', '.join(changed)} changed during the {block}, outside any call of an entry "
                                    "(restored)")


Test = Callable[..., Any]


def given(*args: SearchStrategy[Any], **kwargs: SearchStrategy[Any]) -> Callable[[Test], Test]:
    """``hypothesis.given`` with a fresh call log and isolation per example.

    The check must take the ``backend`` fixture (the recording backend): its
    ``check`` is the ``Check`` the examples are counted and logged on. A rejection
    (``reject()``, ``assume(False)``) that the backend's code makes, outside any call
    of an entry (``RecordingBackend`` judges those), fails the example as the backend's
    misbehaviour instead of dropping it: hypothesis would judge the entry on the
    examples it did not reject only.
    """

    def decorate(test: Test) -> Test:
        @functools.wraps(test)
        def each_example(*a: Any, **k: Any) -> Any:
            check = _check_of(test, k)
            check.start_example()
            try:
                with check.isolated("example"):
                    result = test(*a, **k)
            except UnsatisfiedAssumption as rejection:
                if drawn(rejection):  # hypothesis could not draw the inputs: its business
                    raise
                check.example_traits.append((traits(check.log), False))
                raise misbehaviour(rejection, check.log.calls) from None
            except BaseException as failure:
                if not type(failure).__module__.startswith("hypothesis"):  # not its control flow (StopTest, ...)
                    check.example_traits.append((traits(check.log), False))
                raise
            check.example_traits.append((traits(check.log), True))
            return result

        return hypothesis.given(*args, **kwargs)(each_example)

    return decorate


def _check_of(test: Test, arguments: dict[str, Any]) -> Check:
    backend = arguments.get("backend")
    if not isinstance(backend, RecordingBackend):
        raise TypeError(f"{test.__name__} uses conformance's given but takes no 'backend' fixture")
    return backend.check
