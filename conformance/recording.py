"""The backend under test as the checks see it: every call is recorded.

``RecordingBackend`` wraps the module: reading an entry that the module lacks
raises ``EntryMissing``; calling an entry appends a ``RecordedCall`` to the
check in progress (``check.Check``, which the run sets on it as each check
begins). The calls tell which entries a failing check relied on (so a gap is
blamed on the right entry), and render as a copy-pasteable reproduction of the
failure (``conformance.reproduction``).

A call that breaks a rule every entry must keep raises ``BackendMisbehaved`` on
its entry: it raised a test runner's own exception (``escapes.runner_control``),
modified a numpy array it was passed, or changed the state the whole process
shares (``process_state``, restored at once).
"""

from __future__ import annotations

import functools
import inspect
import operator
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Any

import numpy as np
from hypothesis.errors import UnsatisfiedAssumption

from .calls import arrays_in, map_arrays
from .catalogue import CATALOGUE
from .contract import DATA_FORMATS, FLOAT_TYPES, Contract
from .escapes import BackendMisbehaved, NotJudged, drawn, misbehaviour, not_judged, runner_control
from .loading import ABSENT, look_up
from .outcomes import EVALUATORS
from .watchdog import CheckTimeout

if TYPE_CHECKING:
    from .check import Check


class EntryMissing(NotJudged):
    """A check needed an entry that the backend does not define (classified as missing, not skipped)."""

    def __init__(self, entry: str):
        super().__init__(f"the backend does not define {entry!r}")
        self.entry = entry


# An evaluator runs graphs that other entries built: one graph it never finishes (Theano compiling
# one entry's gradient for minutes) says nothing of the next one, so it stays callable until it has
# run out of time in this many checks. Bounded, so that an evaluator that hangs on every graph costs
# the run a few timeouts, not one per check.
EVALUATOR_HANGS = 2


class EntryHung(Exception):
    """A call of an entry that ran out of time in an earlier check (an evaluator: in
    ``EVALUATOR_HANGS`` earlier checks): it is not called again, so that a hanging entry costs
    the run one timeout, not one per check. ``check``: the check(s) it hung in."""

    def __init__(self, entry: str, check: str):
        super().__init__(f"{entry} did not finish in {check} earlier (--check-timeout); not called again: "
                         "a hanging entry costs one timeout")
        self.entry = entry
        self.check = check


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
    # Tensors the check computed with a tensor's own operator (``arithmetic``): id -> (the tensor, kept
    # alive so that its id is not reused; the operator; its operands). Not calls of entries: a
    # reproduction writes the expression where such a tensor is used.
    derived: dict[int, tuple[Any, str, Any, Any]] = field(default_factory=dict)

    def entries(self) -> list[str]:
        """The entries called, in order of first call."""
        return list(dict.fromkeys(call.entry for call in self.calls))


class Settings:
    """The configuration in force for the run, as the run read it from the backend before any check.

    Checks take the float type and image data format they draw inputs in from here: the
    suite's own bookkeeping is not a call a check relies on, so a gap of ``floatx`` does not
    make every other entry its suspect. A value that is no float type (or data format), or
    "" for a read that failed, is read again through the recorded entry, whose failure is
    then blamed on it.
    """

    def __init__(self, backend: RecordingBackend, floatx: str = "", image_data_format: str = ""):
        self._backend = backend
        self._floatx = floatx if floatx in FLOAT_TYPES else ""
        self._image_data_format = image_data_format if image_data_format in DATA_FORMATS else ""

    @property
    def floatx(self) -> str:
        return self._floatx or str(self._backend.floatx())

    @property
    def image_data_format(self) -> str:
        return self._image_data_format or str(self._backend.image_data_format())


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
        self.hung: dict[str, str] = {}  # entry -> the check(s) in which calls of it ran out of time
        self._evaluator_hangs: dict[str, list[str]] = {}  # evaluator -> checks it ran out of time in
        self._wrappers: dict[str, Any] = {}
        self.settings = Settings(self)  # the run sets what it read (``ConformanceRun.start``)

    def __getattr__(self, entry: str) -> Any:
        if entry not in CATALOGUE:  # e.g. hypothesis probing its arguments for mock objects
            raise AttributeError(entry)
        try:
            return self._wrappers[entry]
        except KeyError:
            pass
        value = look_up(self.module, entry)
        if value is ABSENT:
            record = CATALOGUE[entry]
            if record.optional(self.contract):  # a check needing it has nothing to judge
                not_judged(f"needs {entry}: {record.absence_note()}")
            raise EntryMissing(entry)
        wrapper = self._recording(entry, value) if callable(value) else value
        self._wrappers[entry] = wrapper
        return wrapper

    def __repr__(self) -> str:
        return f"<backend {self.module.__name__}>"

    def entry(self, name: str) -> Any:
        """The entry ``name`` for a check to judge: the check is not judged when the entry is
        optional under the run's contract and absent; ``EntryMissing`` when it is not optional;
        ``BackendMisbehaved`` when looking it up raises."""
        record = CATALOGUE[name]
        if record.optional(self.contract) and look_up(self.module, name) is ABSENT:
            not_judged(record.absence_note())
        return getattr(self, name)

    def parameters(self, name: str) -> set[str] | None:
        """The parameter names of entry ``name`` (None when its signature cannot be read, or is
        ``(*args, **kwargs)``: a wrapper that says nothing about what it takes)."""
        try:
            parameters = inspect.signature(look_up(self.module, name)).parameters
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
        """Note that a call of ``entry`` ran out of time in ``check``: later calls of it raise
        ``EntryHung`` at once; an evaluator's, once it ran out of time in ``EVALUATOR_HANGS`` checks.
        Called in the runner as the time runs out, and in the process watching it (its reports)."""
        if entry in self.hung:
            return
        if entry in EVALUATORS:
            checks = self._evaluator_hangs.setdefault(entry, [])
            if check not in checks:
                checks.append(check)
            if len(checks) < EVALUATOR_HANGS:
                return
            check = " and ".join(checks)
        self.hung[entry] = check

    def hang(self, entry: str) -> None:
        """``hang_in`` the check in progress, announced to the process watching the checks."""
        self.hang_in(entry, self.check.name)
        self.announce(f"hung {entry}")

    def announce(self, line: str) -> None:
        """Send ``line`` to the process watching the checks (``report_progress_to``), if one is."""
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
            self.announce(f"call {entry}")
            self._depth += 1
            try:
                call.result = function(*args, **kwargs)
            except BaseException as error:
                call.error = self._judged(entry, error)
                if call.error is not error:
                    raise call.error from None
                raise
            finally:
                self._depth -= 1
                # The check's own calls only: a step function's call inside rnn is rnn's business.
                changed = self.check.restore_shared_state() if self._depth == 0 else []
            if changed:
                call.error = BackendMisbehaved(f"{entry} changed {', '.join(changed)} (restored)", entry)
                raise call.error
            modified = _modified_argument(args, kwargs, call)
            if modified:
                call.error = BackendMisbehaved(f"{entry} modified the numpy array passed as {modified} in place", entry)
                raise call.error
            # A context manager is returned as is: contextlib's are callable (as decorators), and
            # wrapping one in a function would break ``with``.
            if callable(call.result) and not isinstance(call.result, type) and not hasattr(call.result, "__enter__"):
                return self._recording(entry, call.result, target=call.result)
            return call.result

        return record

    def _judged(self, entry: str, error: BaseException) -> BaseException:
        """What a call of ``entry`` raised, as the check must see it: a test runner's own exception
        (a backend must not skip, fail, end the run or reject examples on the suite's behalf) becomes
        ``BackendMisbehaved``, unless it is the suite's own (a skip, hypothesis drawing inside a
        function the check passed); anything else stays as it is."""
        if isinstance(error, CheckTimeout) and not error.entry:
            error.entry = entry  # the innermost call running when the time ran out
            self.hang(entry)
        suites_own = isinstance(error, UnsatisfiedAssumption) and drawn(error)
        if runner_control(error) and not suites_own:
            return misbehaviour(error, self.check.log.calls, during=entry)
        return error


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


_OPERATORS: dict[str, Callable[[Any, Any], Any]] = {"+": operator.add, "*": operator.mul}


def arithmetic(backend: Any, symbol: str, left: Any, right: Any) -> Any:
    """``left + right`` or ``left * right`` (``symbol``) with the tensors' own operators, as Keras 2
    builds a loss. On the recorded backend the result is noted in the example's log (``CallLog.derived``),
    not as a call of an entry (an operator belongs to the tensor and takes no part in blame), so that a
    reproduction writes ``t3 * t4`` where the result is used."""
    result = _OPERATORS[symbol](left, right)
    if isinstance(backend, RecordingBackend):
        backend.check.log.derived[id(result)] = (result, symbol, left, right)
    return result
