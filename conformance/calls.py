"""How a check describes a call of an entry: its arguments, and which of them are tensors.

The vocabulary below the catalogue's records, the input strategies and the
routes: a ``Call`` holds arguments; every ``numpy.ndarray`` in it (also inside
lists, tuples and dicts) is a tensor argument, which a route feeds as a backend
tensor; ``Weights`` marks the arrays that stand for a layer's weights.
``map_arrays`` and ``arrays_in`` are the one walk over such nested arguments.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np


class Weights(np.ndarray):
    """An array argument that stands for a layer's weights (a kernel, a bias):
    the graph route feeds it as a placeholder of its full static shape, as
    Keras' weights always have one; other arrays get an unknown first dimension.
    Make one with ``array.view(Weights)``."""


@dataclass(frozen=True)
class Call:
    """The arguments of one call of an entry.

    Every ``numpy.ndarray`` among ``args`` and ``kwargs`` (also inside lists
    and tuples) is a tensor argument: the route feeds it as a backend tensor.
    Everything else (axes, shapes, flags, Python numbers) is passed as is.
    """

    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)

    def render(self, name: str) -> str:
        """``name(arg, ..., key=value)`` with arrays shown as ``array(shape, dtype)``."""
        parts = [render_value(a) for a in self.args] + [f"{k}={render_value(v)}" for k, v in self.kwargs.items()]
        return f"{name}({', '.join(parts)})"


def call(*args: Any, **kwargs: Any) -> Call:
    """A ``Call`` written as the call itself: ``call(x, axis=1)``."""
    return Call(args, kwargs)


def map_arrays(structure: Any, function: Callable[[np.ndarray], Any]) -> Any:
    """``structure`` with every numpy array in it (at any depth of lists, tuples,
    dicts and ``Call``) replaced by ``function(array)``, depth first; other
    values are kept as they are."""
    if isinstance(structure, np.ndarray):
        return function(structure)
    if isinstance(structure, Call):
        return Call(map_arrays(structure.args, function), map_arrays(structure.kwargs, function))
    if isinstance(structure, dict):
        return {key: map_arrays(value, function) for key, value in structure.items()}
    if isinstance(structure, (list, tuple)):
        return type(structure)(map_arrays(value, function) for value in structure)
    return structure


def in_floatx(value: Any, dtype: str) -> Any:
    """``value`` (a pinned call or answer, written in float64) with its float64 arrays cast to
    ``dtype``, every array a copy: a backend that modifies its input in place must not corrupt
    the record."""
    return map_arrays(value, lambda array: array.astype(dtype) if array.dtype == np.float64 else array.copy())


def items_of(sequence: list[Any] | tuple[Any, ...]) -> list[Any]:
    """The items a list or tuple holds, read as the built-in type holds them: a backend's answer may
    be a subclass whose own ``__iter__`` or ``__len__`` raises (a test runner's skip, say), and the
    suite's bookkeeping must not call the backend's code."""
    return list(tuple.__iter__(sequence) if isinstance(sequence, tuple) else list.__iter__(sequence))


def arrays_in(structure: Any) -> Iterator[np.ndarray]:
    """The numpy arrays of ``structure``, in the order ``map_arrays`` visits them."""
    found: list[np.ndarray] = []
    map_arrays(structure, found.append)
    return iter(found)


def render_value(value: Any) -> str:
    """An argument as a failure message shows it: a small array in full, a larger one by shape and dtype."""
    if isinstance(value, np.ndarray):
        return np.array2string(value, separator=", ", threshold=12, max_line_width=10_000) if value.size <= 12 else \
            f"array(shape={value.shape}, dtype={value.dtype.name})"
    if isinstance(value, (list, tuple)) and any(isinstance(v, np.ndarray) for v in value):
        inner = ", ".join(render_value(v) for v in value)
        return f"[{inner}]" if isinstance(value, list) else f"({inner})"
    return repr(value)
