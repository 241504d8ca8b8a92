"""Isolation of checks: every check leaves the backend's configuration as it found it.

A check may change the floatx, epsilon, image data format or learning phase
(and a broken setter may change them wrongly). After each check the guard
compares the settings with those from before; when they differ it restores
them, first by rebinding the globals of the modules that hold the config
functions and refilling the dicts among those globals (this needs no working
setter), then through the setters.

The dicts are refilled because graph backends keep settings per graph in one:
tf_keras' and Keras 2.3.1's ``_GRAPH_LEARNING_PHASES`` (a weak-keyed dict in tf_keras) maps a graph to the phase
set for it, and an unset phase (a placeholder fed when the graph runs) cannot be
set back through ``set_learning_phase``, which takes only 0 and 1.

A learning phase that is not a number is one setting whatever tensor stands for
it: graph backends (TF1 graph mode, Theano) answer a symbolic placeholder until a
phase is set, and ``clear_session`` replaces the graph and with it the placeholder.

Settings are compared as the guard can: with ``==`` where a value equals
itself, else by type and ``repr`` (a getter answering NaN, or an object whose
``==`` raises or equals nothing, is the getter's gap, which its own checks
report: it must not make every check look as if it changed the configuration).
A getter or setter that raises anything is contained.
"""

from __future__ import annotations

import contextlib
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import numpy as np

from .escapes import BackendMisbehaved
from .loading import ABSENT, look_up
from .watchdog import passes_through

SETTINGS = (
    ("floatx", "set_floatx"),
    ("epsilon", "set_epsilon"),
    ("image_data_format", "set_image_data_format"),
    ("learning_phase", "set_learning_phase"),
)


@dataclass
class ConfigSnapshot:
    values: dict[str, Any]
    module_globals: list[tuple[dict[str, Any], dict[str, Any]]]  # (the live globals, a shallow copy)
    dict_contents: list[tuple[dict[Any, Any], dict[Any, Any]]]  # (a per-graph store's storage, a shallow copy)


class ConfigGuard:
    """Snapshots and restores one backend module's configuration."""

    def __init__(self, module: ModuleType):
        self.module = module
        spaces = {id(space): space for space in (getattr(self._function(name), "__globals__", None)
                                                 for pair in SETTINGS for name in pair) if space is not None}
        self._namespaces = list(spaces.values())

    def _function(self, name: str) -> Any:
        """The module's ``name``, or None when it lacks it or looking it up raises."""
        try:
            value = look_up(self.module, name)
        except BackendMisbehaved:  # the lookup raised: the entry's checks report it
            return None
        return None if value is ABSENT else value

    def _read(self) -> dict[str, Any]:
        values = {}
        for getter, _ in SETTINGS:
            try:
                values[getter] = getattr(self.module, getter)()
            except BaseException as error:  # noqa: B036 - a broken getter must not break isolation
                if passes_through(error):
                    raise
                values[getter] = _Unreadable
        return values

    def snapshot(self) -> ConfigSnapshot:
        """The current settings and the globals they live in."""
        return ConfigSnapshot(self._read(), [(space, dict(space)) for space in self._namespaces],
                              [(held, dict(held)) for space in self._namespaces for name, value in space.items()
                               if not name.startswith("__")  # not __builtins__
                               and (held := _per_graph_storage(value)) is not None])

    def restore(self, snapshot: ConfigSnapshot) -> list[str]:
        """Bring the settings back to ``snapshot``; returns a description of each
        setting that could not be restored (empty when all are back)."""
        if self._differences(snapshot) == []:
            return []
        for space, saved in snapshot.module_globals:
            for name, value in saved.items():
                if space.get(name) is not value:
                    space[name] = value
        for held, contents in snapshot.dict_contents:
            current = dict(held)
            # Compared by identity: a value may be a tensor, whose == builds an op or raises.
            if current.keys() != contents.keys() or any(current[key] is not value for key, value in contents.items()):
                held.clear()
                held.update(contents)
        for getter, setter in SETTINGS:
            set_to = self._function(setter)
            if getter in self._differences(snapshot) and set_to is not None:
                try:
                    set_to(snapshot.values[getter])
                except BaseException as error:  # noqa: B036 - a broken setter must not break isolation
                    if passes_through(error):
                        raise
        return [f"{name}() is {_shown(self._read()[name])}, was {_shown(snapshot.values[name])}"
                for name in self._differences(snapshot)]

    def _differences(self, snapshot: ConfigSnapshot) -> list[str]:
        now = self._read()
        return [name for name, before in snapshot.values.items()
                if not _same(_setting(name, now[name]), _setting(name, before))]


def _per_graph_storage(value: Any) -> dict[Any, Any] | None:
    """The dict holding the entries of ``value`` if it may hold settings per graph: a plain dict
    (Keras 2.3.1's ``_GRAPH_LEARNING_PHASES``) itself, a weak-keyed one (tf_keras'
    ``ContextValueCache``, a ``WeakKeyDictionary`` keyed by graph) its ``data``, keyed by weak
    references; None for anything else (other dict subclasses included).

    A weak-keyed dict is copied and refilled through ``data``: a copy through its mapping methods
    would call tf_keras' ``__getitem__``, which resolves each graph through its outer graphs, for
    every key at every example, and the graphs that ``clear_session`` dropped stay among the keys
    until Python's cycle collector frees them."""
    if type(value) is dict:
        return value
    if isinstance(value, weakref.WeakKeyDictionary):
        storage: dict[Any, Any] = vars(value)["data"]  # where CPython's WeakKeyDictionary keeps its entries
        return storage
    return None


class _Unreadable:
    """Stands for a setting whose getter raised."""


class _Symbolic:
    """Stands for a learning phase that is a tensor: decided when the graph runs (see the module's docstring)."""


def _setting(name: str, value: Any) -> Any:
    """The setting a getter's answer stands for."""
    if name == "learning_phase" and value is not _Unreadable and not isinstance(value, (int, np.integer)):
        return _Symbolic
    return value


def _same(a: Any, b: Any) -> bool:
    """Whether two answers of a getter are the same setting: ``a == b`` where the answers equal
    themselves (a sane ``==``), else the same type and ``repr`` (NaN, an object whose ``==`` raises
    or holds for nothing: compared as they print)."""
    if a is b:
        return True
    if type(a) is not type(b):
        return False
    if _equal(a, a) and _equal(b, b):
        return _equal(a, b)
    return _shown(a) == _shown(b)


def _equal(a: Any, b: Any) -> bool:
    try:
        return bool(a == b)
    except BaseException as error:  # noqa: B036 - a getter's answer may be anything
        if passes_through(error):
            raise
        return False


def _shown(value: Any) -> str:
    """``repr(value)``, or a placeholder when it raises."""
    try:
        return repr(value)
    except BaseException as error:  # noqa: B036 - a getter's answer may be anything
        if passes_through(error):
            raise
        return f"<unprintable {type(value).__name__}>"


@contextlib.contextmanager
def isolated(guards: Iterable[ConfigGuard]) -> Iterator[list[str]]:
    """Run a block (a check, or one hypothesis example) and then restore the
    configuration of each of ``guards``. The yielded list receives a line for
    each setting that could not be restored."""
    snapshots = [(guard, guard.snapshot()) for guard in guards]
    problems: list[str] = []
    try:
        yield problems
    finally:
        for guard, snapshot in snapshots:
            problems += guard.restore(snapshot)
