"""The check in progress: the calls it makes, its hypothesis examples, its isolation.

The run makes one ``Check`` as each check begins (``ConformanceRun.begin_check``)
and sets it on the recording backend, which appends every backend call to it.
``given`` (hypothesis' ``given`` for the suite's checks) starts each example on
it. When the check ends, ``classify`` reads from it which entries were called,
the calls of the failing example and how many examples ran.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import hypothesis
from hypothesis.strategies import SearchStrategy

from .compare import Mismatch
from .config_guard import ConfigGuard, isolated
from .contract import Contract
from .families import Way
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
        """Begin a hypothesis example: a fresh log, so a failure reproduces that example only."""
        self.examples += 1
        self.log = CallLog()

    @contextlib.contextmanager
    def isolated(self) -> Iterator[list[str]]:
        """Run a block, then restore the guarded configurations (see ``config_guard.isolated``)."""
        with isolated(self.guards) as problems:
            yield problems


Test = Callable[..., Any]


def given(*args: SearchStrategy[Any], **kwargs: SearchStrategy[Any]) -> Callable[[Test], Test]:
    """``hypothesis.given`` with a fresh call log and configuration isolation per example.

    The check must take the ``backend`` fixture (the recording backend): its
    ``check`` is the ``Check`` the examples are counted and logged on.
    """

    def decorate(test: Test) -> Test:
        @functools.wraps(test)
        def each_example(*a: Any, **k: Any) -> Any:
            check = _check_of(test, k)
            check.start_example()
            try:
                with check.isolated() as problems:
                    result = test(*a, **k)
            except BaseException as failure:
                if not type(failure).__module__.startswith("hypothesis"):  # not its control flow (StopTest, ...)
                    check.example_traits.append((traits(check.log), False))
                raise
            check.example_traits.append((traits(check.log), True))
            if problems:
                raise Mismatch("the example changed the configuration and it could not be restored: "
                               + "; ".join(problems))
            return result

        return hypothesis.given(*args, **kwargs)(each_example)

    return decorate


def _check_of(test: Test, arguments: dict[str, Any]) -> Check:
    backend = arguments.get("backend")
    if not isinstance(backend, RecordingBackend):
        raise TypeError(f"{test.__name__} uses conformance's given but takes no 'backend' fixture")
    return backend.check
