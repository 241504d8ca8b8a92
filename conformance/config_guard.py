"""Isolation of checks: every check leaves the backend's configuration as it found it.

A check may change the floatx, epsilon, image data format or learning phase
(and a broken setter may change them wrongly). After each check the guard
compares the settings with those from before; when they differ it restores
them, first by rebinding the globals of the modules that hold the config
functions (this needs no working setter), then through the setters.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Any

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


class ConfigGuard:
    """Snapshots and restores one backend module's configuration."""

    def __init__(self, module: ModuleType):
        self.module = module
        spaces = {id(space): space for space in (getattr(getattr(module, name, None), "__globals__", None)
                                                 for pair in SETTINGS for name in pair) if space is not None}
        self._namespaces = list(spaces.values())

    def _read(self) -> dict[str, Any]:
        values = {}
        for getter, _ in SETTINGS:
            try:
                values[getter] = getattr(self.module, getter)()
            except BaseException as error:  # noqa: B036 - a broken getter must not break isolation
                if isinstance(error, KeyboardInterrupt):
                    raise
                values[getter] = _Unreadable
        return values

    def snapshot(self) -> ConfigSnapshot:
        """The current settings and the globals they live in."""
        return ConfigSnapshot(self._read(), [(space, dict(space)) for space in self._namespaces])

    def restore(self, snapshot: ConfigSnapshot) -> list[str]:
        """Bring the settings back to ``snapshot``; returns a description of each
        setting that could not be restored (empty when all are back)."""
        if self._differences(snapshot) == []:
            return []
        for space, saved in snapshot.module_globals:
            for name, value in saved.items():
                if space.get(name) is not value:
                    space[name] = value
        for getter, setter in SETTINGS:
            if getter in self._differences(snapshot) and hasattr(self.module, setter):
                try:
                    getattr(self.module, setter)(snapshot.values[getter])
                except Exception:
                    pass
        return [f"{name}() is {self._read()[name]!r}, was {snapshot.values[name]!r}"
                for name in self._differences(snapshot)]

    def _differences(self, snapshot: ConfigSnapshot) -> list[str]:
        now = self._read()
        return [name for name, before in snapshot.values.items() if not _same(now[name], before)]


class _Unreadable:
    """Stands for a setting whose getter raised."""


def _same(a: Any, b: Any) -> bool:
    if a is b:
        return True
    try:
        return type(a) is type(b) and bool(a == b)
    except Exception:
        return False


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
