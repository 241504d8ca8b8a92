"""The backend under test as the checks see it: every call is recorded.

``RecordingBackend`` wraps the module: reading an entry that the module lacks
raises ``EntryMissing``; calling an entry appends a ``RecordedCall`` to the
check in progress (``check.Check``, which the run sets on it as each check
begins). The calls tell which entries a failing check relied on (so a gap is
blamed on the right entry), and render as a copy-pasteable reproduction of the
failure (``conformance.reproduction``).
"""

from __future__ import annotations

import functools
import inspect
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Any

import numpy as np
import pytest
from _pytest.outcomes import Skipped  # pytest.skip.Exception, under a name type checkers know

from .calls import arrays_in, map_arrays
from .catalogue import CATALOGUE
from .contract import DATA_FORMATS, FLOAT_TYPES, Contract
from .watchdog import CheckTimeout

if TYPE_CHECKING:
    from .check import Check


class EntryMissing(Skipped):
    """A check needed an entry that the backend does not define."""

    def __init__(self, entry: str):
        super().__init__(f"the backend does not define {entry!r}")
        self.entry = entry


class EntryHung(Exception):
    """A call of an entry that ran out of time in an earlier check: it is not called again, so
    that a hanging entry costs the run one timeout, not one per check."""

    def __init__(self, entry: str, check: str):
        super().__init__(f"{entry} did not finish in {check} earlier (--check-timeout); not called again: "
                         "a hanging entry costs one timeout")


class BackendMisbehaved(Exception):
    """A backend call broke the rules every entry must keep (for example it
    modified a caller's numpy array, or raised one of pytest's own outcome
    exceptions). Counts as raised by that entry."""


@dataclass
class RecordedCall:
    """One call of a backend entry: its arguments (numpy arrays copied as they
    were passed), and its result or the exception it raised."""

    entry: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    result: Any = None
    error: BaseException | None = None
    target: Any = None  # the callable called, when it is not the module's entry itself
    depth: int = 0  # 0: called by the check; 1 and more: inside another entry's call (a step function's)


@dataclass
class CallLog:
    """The calls of one hypothesis example of a check (of the whole check, without hypothesis)."""

    calls: list[RecordedCall] = field(default_factory=list)

    def entries(self) -> list[str]:
        """The entries called, in order of first call."""
        return list(dict.fromkeys(call.entry for call in self.calls))


class Settings:
    """The configuration in force for the run, read from the backend once before any check.

    Checks take the float type and image data format they draw inputs in from here: the
    suite's own bookkeeping is not a call a check relies on, so a gap of ``floatx`` does not
    make every other entry its suspect. A value the backend answered that is no float type
    (or data format) is read again through the recorded entry, whose failure is then blamed on it.
    """

    def __init__(self, backend: RecordingBackend):
        self._backend = backend
        self._floatx = _answer(backend.module, "floatx", FLOAT_TYPES)
        self._image_data_format = _answer(backend.module, "image_data_format", DATA_FORMATS)

    @property
    def floatx(self) -> str:
        return self._floatx or str(self._backend.floatx())

    @property
    def image_data_format(self) -> str:
        return self._image_data_format or str(self._backend.image_data_format())


def _answer(module: ModuleType, getter: str, choices: tuple[str, ...]) -> str:
    """What ``getter()`` answers, if it is one of ``choices``; "" otherwise (or when it raises)."""
    try:
        value = getattr(module, getter)()
    except Exception:
        return ""
    return value if isinstance(value, str) and value in choices else ""


class RecordingBackend:
    """Attribute access to the backend module; callables are wrapped to record their calls
    into ``check``, the check in progress. ``settings`` is the configuration in force."""

    def __init__(self, module: ModuleType, check: Check, contract: Contract = Contract.KERAS_2):
        self.module = module
        self.__name__ = module.__name__
        self.check = check
        self.contract = contract
        self._depth = 0  # how many recorded calls are running
        self._progress_fd: int | None = None
        self.hung: dict[str, str] = {}  # entry -> the check in which a call of it ran out of time
        self._wrappers: dict[str, Any] = {}
        self.settings = Settings(self)

    def read_settings(self) -> None:
        """Read the configuration in force again (once the run has applied its options)."""
        self.settings = Settings(self)

    def __getattr__(self, entry: str) -> Any:
        if entry not in CATALOGUE:  # e.g. hypothesis probing its arguments for mock objects
            raise AttributeError(entry)
        try:
            return self._wrappers[entry]
        except KeyError:
            pass
        try:
            value = getattr(self.module, entry)
        except AttributeError:
            record = CATALOGUE[entry]
            if record.optional(self.contract):  # a check needing it has nothing to judge
                pytest.skip(f"needs {entry}: {record.absence_note()}")
            raise EntryMissing(entry) from None
        wrapper = self._recording(entry, value) if callable(value) else value
        self._wrappers[entry] = wrapper
        return wrapper

    def __repr__(self) -> str:
        return f"<backend {self.module.__name__}>"

    def has(self, entry: str) -> bool:
        """Whether the backend defines ``entry``."""
        return hasattr(self.module, entry)

    def entry(self, name: str) -> Any:
        """The entry ``name`` for a check to judge: the check is skipped when the
        entry is optional under the run's contract and absent; ``EntryMissing`` when it is not optional."""
        record = CATALOGUE[name]
        if record.optional(self.contract) and not self.has(name):
            pytest.skip(record.absence_note())
        return getattr(self, name)

    def parameters(self, name: str) -> set[str] | None:
        """The parameter names of entry ``name`` (None when its signature cannot be read, or is
        ``(*args, **kwargs)``: a wrapper that says nothing about what it takes)."""
        try:
            parameters = inspect.signature(getattr(self.module, name)).parameters
        except (TypeError, ValueError):
            return None
        named = {p.name for p in parameters.values() if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)}
        return named or None

    def report_progress_to(self, fd: int) -> None:
        """Also announce on ``fd`` each entry as it is called (``call <entry>``) and each entry
        that runs out of time (``hung <entry>``), for a parent process watching a check that may
        crash or hang (``watchdog.Supervisor``)."""
        self._progress_fd = fd

    def hang_in(self, entry: str, check: str) -> None:
        """Note that a call of ``entry`` ran out of time in ``check`` (seen by the process watching the checks)."""
        self.hung.setdefault(entry, check)

    def hang(self, entry: str) -> None:
        """Note that a call of ``entry`` ran out of time in the check in progress: later calls of it
        raise ``EntryHung`` at once."""
        self.hung.setdefault(entry, self.check.name)
        self._announce(f"hung {entry}")

    def _announce(self, line: str) -> None:
        if self._progress_fd is not None:
            os.write(self._progress_fd, f"{line}\n".encode())

    def _recording(self, entry: str, function: Callable[..., Any], target: Any = None) -> Callable[..., Any]:
        """``function`` recording its calls under ``entry``. A callable it returns
        (``function`` returns one) is wrapped too: calling it is part of the entry."""

        @functools.wraps(function)
        def record(*args: Any, **kwargs: Any) -> Any:
            call = RecordedCall(entry, _snapshot(args), _snapshot(kwargs), target=target, depth=self._depth)
            self.check.record(call)
            if entry in self.hung:
                call.error = EntryHung(entry, self.hung[entry])
                raise call.error
            self._announce(f"call {entry}")
            self._depth += 1
            try:
                call.result = function(*args, **kwargs)
            except _PYTEST_OUTCOMES as error:
                # A backend must not skip, fail or end the run on the suite's behalf.
                call.error = BackendMisbehaved(f"{entry} raised pytest's {type(error).__name__}: {error}")
                raise call.error from None
            except BaseException as error:
                call.error = error
                if isinstance(error, CheckTimeout) and not error.entry:
                    error.entry = entry  # the innermost call running when the time ran out
                    self.hang(entry)
                raise
            finally:
                self._depth -= 1
            changed = _modified_argument(args, kwargs, call)
            if changed:
                call.error = BackendMisbehaved(f"{entry} modified the numpy array passed as {changed} in place")
                raise call.error
            # A context manager is returned as is: contextlib's are callable (as decorators), and
            # wrapping one in a function would break ``with``.
            if callable(call.result) and not isinstance(call.result, type) and not hasattr(call.result, "__enter__"):
                return self._recording(entry, call.result, target=call.result)
            return call.result

        return record


_PYTEST_OUTCOMES = (pytest.skip.Exception, pytest.fail.Exception, pytest.exit.Exception)


def _modified_argument(args: tuple[Any, ...], kwargs: dict[str, Any], call: RecordedCall) -> str:
    """The argument holding a numpy array that no longer equals its copy in ``call`` ("" if none)."""
    pairs = [(f"argument {i}", passed, call.args[i]) for i, passed in enumerate(args)]
    pairs += [(f"argument {name!r}", passed, call.kwargs[name]) for name, passed in kwargs.items()]
    return next((label for label, passed, copy in pairs if _differs(passed, copy)), "")


def _differs(passed: Any, copy: Any) -> bool:
    return any(p.shape != c.shape or not np.array_equal(p, c, equal_nan=p.dtype.kind in "fc")
               for p, c in zip(arrays_in(passed), arrays_in(copy)))


def _snapshot(value: Any) -> Any:
    return map_arrays(value, lambda array: array.copy())
