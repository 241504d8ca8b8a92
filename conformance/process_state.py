"""State the whole process shares, which no entry may change: numpy's error state and print
options, ``sys.path``, numpy's functions and the code of the reference backend (the oracle).

An entry that changes one of them changes what every later check computes: ``np.seterr(all="raise")``
in one entry made seventeen innocent entries raise (another seventeen under ``-n 2``); a patched
``numpy.square`` or ``reference_backend.log`` changes what the oracle answers. ``SharedState`` takes a
``StateSnapshot`` when a check or one of its examples begins; after every call of an entry the check
makes, ``changes`` says what differs (so the call that changed it is blamed) and ``restore`` puts it
back. It runs tens of thousands of times per run, so it must stay cheap:

* numpy's error state and print options and ``sys.path`` are small: the snapshot holds them;
* the code bound in numpy's and the reference's namespaces should never change at all, so it is
  compared with the bindings as the run found them, not with a snapshot. Those modules are made
  to note every attribute set or deleted on them (``module.name = ...``, ``setattr``, ``del``, the
  way a backend patches a module), and after a call only the modules noted are compared.
  ``changes(audit=True)`` compares every binding: a write straight into a module's ``__dict__``
  is found that way, at the end of each check (blamed on the check, not on a call).

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

_DELETED = object()


@dataclass(frozen=True)
class StateSnapshot:
    error_state: Any  # numpy.geterr(): a dict, typed as numpy's own
    error_call: Any
    print_options: Any  # numpy.get_printoptions(): a dict, typed as numpy's own
    path: list[str]  # the sys.path list itself
    path_items: tuple[str, ...]


class _Namespace:
    """The globals of one module, of which those that ``watched(name, value)`` when the run began
    may not be rebound or deleted."""

    def __init__(self, module: ModuleType, watched: Callable[[str, Any], bool]):
        self.label = module.__name__
        self.space = vars(module)
        self.bindings = {name: value for name, value in self.space.items() if watched(name, value)}
        _note_attribute_writes(module)

    def changed(self) -> list[str]:
        """The watched names bound to another value (or deleted) since the run began."""
        return [f"{self.label}.{name}" for name, value in self.bindings.items()
                if self.space.get(name, _DELETED) is not value]

    def restore(self) -> None:
        for name, value in self.bindings.items():
            if self.space.get(name, _DELETED) is not value:
                self.space[name] = value


_touched: set[str] = set()
"""The names of the watched modules an attribute of which was set or deleted since the last comparison."""
_noting: dict[type, type] = {}  # a module class -> its subclass that notes attribute writes


def _note_attribute_writes(module: ModuleType) -> None:
    """Make ``module`` note in ``_touched`` whenever one of its attributes is set or deleted: its class
    becomes a subclass of its own class with those two methods and no new state (Python lets a
    module's ``__class__`` change so)."""
    base = type(module)
    if base in _noting.values():  # noted already (an earlier run in this process)
        return
    if base not in _noting:
        def __setattr__(self: ModuleType, name: str, value: Any) -> None:
            _touched.add(self.__name__)
            base.__setattr__(self, name, value)

        def __delattr__(self: ModuleType, name: str) -> None:
            _touched.add(self.__name__)
            base.__delattr__(self, name)

        _noting[base] = type(base.__name__, (base,), {"__slots__": (), "__setattr__": __setattr__,
                                                       "__delattr__": __delattr__, "__module__": base.__module__})
    module.__class__ = _noting[base]


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
        return StateSnapshot(np.geterr(), np.geterrcall(), np.get_printoptions(), sys.path, tuple(sys.path))

    def changes(self, snapshot: StateSnapshot, audit: bool = False) -> list[str]:
        """What differs from ``snapshot`` (and, for the watched code, from the run's beginning), as a
        reader would name it ("numpy's error state", "numpy.square"). The watched code of the modules
        touched since the last comparison only, unless ``audit``: all of it."""
        changed = []
        if np.geterr() != snapshot.error_state or np.geterrcall() is not snapshot.error_call:
            changed.append("numpy's error state")
        if np.get_printoptions() != snapshot.print_options:
            changed.append("numpy's print options")
        if sys.path is not snapshot.path or tuple(sys.path) != snapshot.path_items:
            changed.append("sys.path")
        for namespace in self._namespaces:
            if audit or namespace.label in _touched:
                changed += namespace.changed()
        _touched.clear()
        return changed

    def restore(self, snapshot: StateSnapshot) -> None:
        np.seterr(**snapshot.error_state)
        np.seterrcall(snapshot.error_call)
        np.set_printoptions(**snapshot.print_options)
        sys.path = snapshot.path
        sys.path[:] = snapshot.path_items
        for namespace in self._namespaces:
            namespace.restore()
