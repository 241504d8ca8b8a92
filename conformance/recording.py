"""The backend under test as the checks see it: every call is recorded.

``RecordingBackend`` wraps the module: reading an entry that the module lacks
raises ``EntryMissing``; calling an entry appends a ``Call`` to the current
``CallLog``. The log serves two purposes: it tells which entries a failing
check relied on (so a gap is blamed on the right entry), and it renders as a
copy-pasteable reproduction of the failure.
"""

from __future__ import annotations

import functools
import math
import os
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Callable

import numpy as np
import pytest

from .catalogue import CATALOGUE

# How many calls a reproduction shows at most (the last ones).
REPRODUCTION_CALLS = 20


class EntryMissing(pytest.skip.Exception):
    """A check needed an entry that the backend does not define."""

    def __init__(self, entry: str):
        super().__init__(f"the backend does not define {entry!r}")
        self.entry = entry


@dataclass
class Call:
    """One call of a backend entry: its arguments (numpy arrays copied as they
    were passed), and its result or the exception it raised."""

    entry: str
    args: tuple
    kwargs: dict
    result: Any = None
    error: BaseException | None = None
    target: Any = None  # the callable called, when it is not the module's entry itself


@dataclass
class CallLog:
    """The calls of the current check (of its current example, under hypothesis)."""

    calls: list[Call] = field(default_factory=list)

    def entries(self) -> list[str]:
        """The entries called, in order of first call."""
        return list(dict.fromkeys(call.entry for call in self.calls))

    def reproduction(self, module_name: str) -> str:
        """A Python snippet replaying the logged calls against ``module_name``."""
        lines = [f"import numpy as np", f"import {module_name} as K"]
        rendered = self._render()
        shown = rendered[-REPRODUCTION_CALLS:]
        if len(rendered) > len(shown):
            lines.append(f"# ... {len(rendered) - len(shown)} earlier calls not shown")
        for call, text in shown:
            lines.append(text + (f"  # raised {type(call.error).__name__}" if call.error is not None else ""))
        return "\n".join(lines)

    def failing_call(self) -> str:
        """The source of the last call that raised (empty when none did)."""
        for call, text in reversed(self._render()):
            if call.error is not None:
                return text
        return ""

    def _render(self) -> list[tuple[Call, str]]:
        """Each call as a line of Python; results used later are named ``t1``, ``t2``, ..."""
        names: dict[int, str] = {}
        rendered = []
        for index, call in enumerate(self.calls, 1):
            arguments = [_source(a, names) for a in call.args]
            arguments += [f"{k}={_source(v, names)}" for k, v in call.kwargs.items()]
            callee = f"K.{call.entry}" if call.target is None else names.get(id(call.target), "f")
            text = f"{callee}({', '.join(arguments)})"
            if call.error is None and call.result is not None and not isinstance(call.result, (bool, int, float, str)):
                names[id(call.result)] = f"t{index}"
                text = f"t{index} = {text}"
            rendered.append((call, text))
        return rendered


_current_log = CallLog()
_progress_fd: int | None = None


_entries_of_check: dict[str, None] = {}  # an ordered set


def report_progress_to(fd: int) -> None:
    """Also write each entry's name to ``fd`` as it is called (for a parent
    process watching a check that may crash)."""
    global _progress_fd
    _progress_fd = fd


def current_log() -> CallLog:
    """The log calls are being recorded to."""
    return _current_log


def start_log() -> CallLog:
    """Start a fresh log (at each check, and each hypothesis example) and return it."""
    global _current_log
    _current_log = CallLog()
    return _current_log


def start_check() -> None:
    """Start collecting the entries a new check calls, over all its examples."""
    _entries_of_check.clear()


def entries_of_check() -> list[str]:
    """The entries the current check has called so far, over all its examples, in first-call order."""
    return list(_entries_of_check)


class RecordingBackend:
    """Attribute access to the backend module; callables are wrapped to record their calls."""

    def __init__(self, module: ModuleType):
        self.module = module
        self.__name__ = module.__name__
        self._wrappers: dict[str, Any] = {}

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
            raise EntryMissing(entry) from None
        wrapper = _recording(entry, value) if callable(value) else value
        self._wrappers[entry] = wrapper
        return wrapper

    def __repr__(self) -> str:
        return f"<backend {self.module.__name__}>"

    def has(self, entry: str) -> bool:
        """Whether the backend defines ``entry``."""
        return hasattr(self.module, entry)


class BackendMisbehaved(Exception):
    """A backend call broke the rules every entry must keep (for example it
    modified a caller's numpy array, or raised one of pytest's own outcome
    exceptions). Counts as raised by that entry."""


def _recording(entry: str, function: Callable, target: Any = None) -> Callable:
    """``function`` recording its calls under ``entry``. A callable it returns
    (``function`` returns one) is wrapped too: calling it is part of the entry."""

    @functools.wraps(function)
    def record(*args, **kwargs):
        call = Call(entry, _snapshot(args), _snapshot(kwargs), target=target)
        _current_log.calls.append(call)
        _entries_of_check.setdefault(entry)
        if _progress_fd is not None:
            os.write(_progress_fd, f"{entry}\n".encode())
        try:
            call.result = function(*args, **kwargs)
        except _PYTEST_OUTCOMES as error:
            # A backend must not skip, fail or end the run on the suite's behalf.
            call.error = BackendMisbehaved(f"{entry} raised pytest's {type(error).__name__}: {error}")
            raise call.error from None
        except BaseException as error:
            call.error = error
            raise
        changed = _modified_argument(args, kwargs, call)
        if changed:
            call.error = BackendMisbehaved(f"{entry} modified the numpy array passed as {changed} in place")
            raise call.error
        # A context manager is returned as is: contextlib's are callable (as decorators), and
        # wrapping one in a function would break ``with``.
        if callable(call.result) and not isinstance(call.result, type) and not hasattr(call.result, "__enter__"):
            return _recording(entry, call.result, target=call.result)
        return call.result

    return record


_PYTEST_OUTCOMES = (pytest.skip.Exception, pytest.fail.Exception, pytest.exit.Exception)


def _modified_argument(args: tuple, kwargs: dict, call: Call) -> str:
    """The argument holding a numpy array that no longer equals its copy in ``call`` ("" if none)."""
    pairs = [(f"argument {i}", passed, call.args[i]) for i, passed in enumerate(args)]
    pairs += [(f"argument {name!r}", passed, call.kwargs[name]) for name, passed in kwargs.items()]
    return next((label for label, passed, copy in pairs if _differs(passed, copy)), "")


def _differs(passed: Any, copy: Any) -> bool:
    if isinstance(passed, np.ndarray):
        return passed.shape != copy.shape or not np.array_equal(passed, copy, equal_nan=passed.dtype.kind in "fc")
    if isinstance(passed, (list, tuple)):
        return any(_differs(p, c) for p, c in zip(passed, copy))
    if isinstance(passed, dict):
        return any(_differs(passed[key], copy[key]) for key in passed.keys() & copy.keys())
    return False


def _snapshot(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        return value.copy()
    if isinstance(value, (list, tuple)):
        return type(value)(_snapshot(item) for item in value)
    if isinstance(value, dict):
        return {key: _snapshot(item) for key, item in value.items()}
    return value


def _source(value: Any, names: dict[int, str]) -> str:
    """Python source that rebuilds ``value`` (backend objects by their log name)."""
    if id(value) in names:
        return names[id(value)]
    if isinstance(value, np.ndarray):
        if value.size == 0:  # a nested list would lose the empty dimension's place
            return f"np.zeros({value.shape}, dtype={value.dtype.name!r})"
        if value.size > 12 and (value == value.flat[0]).all():  # a large constant (a statistical check's input)
            return f"np.full({value.shape}, {_scalar_source(value.flat[0].item())}, dtype={value.dtype.name!r})"
        return f"np.array({_nested_source(value.tolist())}, dtype={value.dtype.name!r})"
    if isinstance(value, np.generic):
        return f"np.{type(value).__name__}({_scalar_source(value.item())})"
    if isinstance(value, (bool, int, float)):
        return _scalar_source(value)
    if isinstance(value, list):
        return "[" + ", ".join(_source(v, names) for v in value) + "]"
    if isinstance(value, tuple):
        items = [_source(v, names) for v in value]
        return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {_source(v, names)}" for k, v in value.items()) + "}"
    if isinstance(value, type) and value.__module__ == "numpy":
        return f"np.{value.__name__}"
    if callable(value) and hasattr(value, "__name__"):
        return value.__name__
    if value is None or isinstance(value, str):
        return repr(value)
    return f"<{type(value).__name__}>"


def _nested_source(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_nested_source(v) for v in value) + "]"
    return _scalar_source(value)


def _scalar_source(value: Any) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        return f"float({str(value)!r})"
    return repr(value)
