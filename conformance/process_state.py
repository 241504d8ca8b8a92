"""State the whole process shares, which no entry may change: numpy's error state and print
options, ``sys.path``, numpy's functions and the code of the reference backend (the oracle).

An entry that changes one of them changes what every later check computes: ``np.seterr(all="raise")``
in one entry made seventeen innocent entries raise (another seventeen under ``-n 2``); a patched
``numpy.square`` or ``reference_backend.log`` changes what the oracle answers. ``SharedState`` takes a
``StateSnapshot`` when a check or one of its examples begins, then, after every call of an entry the
check makes, ``changes`` says what differs (so the call that changed it is blamed) and ``restore``
puts it back. The snapshot holds identities and small values, not copies, to stay cheap: it is
compared tens of thousands of times per run.

Watched: ``numpy.geterr()`` and ``geterrcall()``, ``numpy.get_printoptions()``, the ``sys.path`` list
(its identity and items), the public functions of the ``numpy`` namespace, and every module, class
and function bound in the globals of the reference backend's modules (its data globals, such as the
floatx the configuration guard restores, are the reference's own state). Not watched: numpy's
random state, other modules (the suite's included), and what a new global shadows.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import numpy as np


@dataclass(frozen=True)
class _Bindings:
    """A module's globals when the snapshot was taken: its names and their values, in order."""

    names: tuple[str, ...]
    values: tuple[Any, ...]


@dataclass(frozen=True)
class StateSnapshot:
    error_state: Any  # numpy.geterr(): a dict, typed as numpy's own
    error_call: Any
    print_options: Any  # numpy.get_printoptions(): a dict, typed as numpy's own
    path: list[str]  # the sys.path list itself
    path_items: tuple[str, ...]
    bindings: tuple[_Bindings, ...]  # per watched module


class _Namespace:
    """The globals of one module, of which those that ``watched(name, value)`` may not be rebound."""

    def __init__(self, module: ModuleType, watched: Callable[[str, Any], bool]):
        self.label = module.__name__
        self.space = vars(module)
        self._watched = watched

    def snapshot(self) -> _Bindings:
        return _Bindings(tuple(self.space), tuple(self.space.values()))

    def changed(self, saved: _Bindings) -> list[str]:
        """The watched names bound to another value (or deleted) since ``saved``."""
        try:  # identical values compare equal at once: the cheap test, true nearly always
            if tuple(self.space.values()) == saved.values:
                return []
        except Exception:  # a new value whose == raises: look closer
            pass
        return [f"{self.label}.{name}" for name, value in zip(saved.names, saved.values)
                if self._watched(name, value) and self.space.get(name, _DELETED) is not value]

    def restore(self, saved: _Bindings) -> None:
        for name, value in zip(saved.names, saved.values):
            if self._watched(name, value) and self.space.get(name, _DELETED) is not value:
                self.space[name] = value


_DELETED = object()


def _public_function(name: str, value: Any) -> bool:
    return callable(value) and not name.startswith("_")


def _code(name: str, value: Any) -> bool:
    return isinstance(value, (type, ModuleType)) or callable(value)


class SharedState:
    """Snapshots, compares and restores the shared state (see the module docstring); ``reference``:
    the reference backend's modules."""

    def __init__(self, reference: Sequence[ModuleType]):
        self._namespaces = [_Namespace(np, _public_function)] + [_Namespace(module, _code) for module in reference]

    def snapshot(self) -> StateSnapshot:
        return StateSnapshot(np.geterr(), np.geterrcall(), np.get_printoptions(), sys.path, tuple(sys.path),
                             tuple(namespace.snapshot() for namespace in self._namespaces))

    def changes(self, snapshot: StateSnapshot) -> list[str]:
        """What differs from ``snapshot``, as a reader would name it ("numpy's error state", "numpy.square")."""
        changed = []
        if np.geterr() != snapshot.error_state or np.geterrcall() is not snapshot.error_call:
            changed.append("numpy's error state")
        if np.get_printoptions() != snapshot.print_options:
            changed.append("numpy's print options")
        if sys.path is not snapshot.path or tuple(sys.path) != snapshot.path_items:
            changed.append("sys.path")
        for namespace, saved in zip(self._namespaces, snapshot.bindings):
            changed += namespace.changed(saved)
        return changed

    def restore(self, snapshot: StateSnapshot) -> None:
        np.seterr(**snapshot.error_state)
        np.seterrcall(snapshot.error_call)
        np.set_printoptions(**snapshot.print_options)
        sys.path = snapshot.path
        sys.path[:] = snapshot.path_items
        for namespace, saved in zip(self._namespaces, snapshot.bindings):
            namespace.restore(saved)
