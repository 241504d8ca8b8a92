"""Session state: name uids, the learning phase, name scopes, ``clear_session``."""

from __future__ import annotations

import collections
import contextlib
from collections.abc import Iterator

__all__ = [
    "get_uid", "reset_uids", "clear_session", "learning_phase", "set_learning_phase",
    "learning_phase_scope", "manual_variable_initialization",
]

_uids: collections.defaultdict[str, int] = collections.defaultdict(int)
_learning_phase: int | None = None  # None: not set, which reads as 0 (inference)
_manual_variable_initialization = False


def get_uid(prefix: str = "") -> int:
    """The next id for ``prefix``: 1 on the first call, then 2, 3, ...; one
    counter per prefix (``get_uid()`` and ``get_uid('')`` share one)."""
    _uids[prefix] += 1
    return _uids[prefix]


def reset_uids() -> None:
    """Restart every prefix's counter: the next ``get_uid(p)`` returns 1."""
    _uids.clear()


def clear_session() -> None:
    """Forget the session: uids restart and the learning phase is unset.
    The configuration (floatx, epsilon, image data format) is kept."""
    global _learning_phase
    reset_uids()
    _learning_phase = None


def learning_phase() -> int:
    """0 (inference) or 1 (training); 0 until ``set_learning_phase`` is called."""
    return 0 if _learning_phase is None else _learning_phase


def learning_phase_set() -> int | None:
    """The phase ``set_learning_phase`` set, or None when it is not set (not an entry)."""
    return _learning_phase


def set_learning_phase(value: int) -> None:
    """Set the learning phase to 0 or 1; any other value raises ``ValueError``
    (``True``/``False`` count as 1/0, as in tf_keras)."""
    global _learning_phase
    if value not in (0, 1):
        raise ValueError("Expected learning phase to be 0 or 1.")
    _learning_phase = int(value)


@contextlib.contextmanager
def learning_phase_scope(value: int) -> Iterator[None]:
    """Within the block, ``learning_phase()`` is ``value`` (0 or 1, else
    ``ValueError``); the previous state is restored on exit (tf_keras only)."""
    global _learning_phase
    if value not in (0, 1):
        raise ValueError("Expected learning phase to be 0 or 1.")
    previous = _learning_phase
    _learning_phase = int(value)
    try:
        yield
    finally:
        _learning_phase = previous


def manual_variable_initialization(value: bool) -> None:
    """Set the flag (a bool, default False) that TF1 sessions consult before
    initialising new variables; the reference initialises variables when it
    creates them, so the flag has no effect there."""
    global _manual_variable_initialization
    _manual_variable_initialization = bool(value)
