"""Static shape rules: an op's result shape and dtype from its arguments' static ones.

Most ops infer their static shape by running their numpy code on stand-in values
(``dispatch._deferred``). That cannot work where an op combines several inputs
whose unknown dimensions must agree with another input's known ones: Keras'
target placeholder is ``(None, None)`` while the model's output is ``(None, 10)``,
and no single stand-in size fits both. Such ops declare a rule instead, as
TensorFlow's shape functions do: ``@entry.static_result`` registers a function of
the call's arguments (tensors still symbolic) answering ``(shape, dtype)``.
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np

__all__: list[str] = []


def static_shape(value: Any) -> tuple | None:
    """The static shape of an argument: a tensor's ``shape`` (``None`` entries unknown,
    ``None`` for an unknown rank), a numpy value's or a Python number's shape."""
    if hasattr(value, "compute") or hasattr(value, "_value"):
        return value.shape
    return np.shape(value)


def static_dtype(value: Any) -> np.dtype | None:
    """The dtype of an argument: a tensor's (``None`` when unknown), else numpy's for the value."""
    if hasattr(value, "compute") or hasattr(value, "_value"):
        return value.dtype
    return np.asarray(value).dtype


def broadcast_static(*values: Any) -> tuple | None:
    """The broadcast of the arguments' static shapes, as TensorFlow's ``BroadcastShape``:
    at each right-aligned position, a known size other than 1 is the result's (an unknown
    size meeting it must be 1 or equal to it); an unknown size meeting only 1s or unknown
    sizes stays unknown. ``None`` when a rank is unknown; ``ValueError`` when two known
    sizes other than 1 differ."""
    shapes = [static_shape(value) for value in values]
    if any(shape is None for shape in shapes):
        return None
    result = []
    for dims in itertools.zip_longest(*(reversed(shape) for shape in shapes), fillvalue=1):  # type: ignore[arg-type]
        known = {d for d in dims if d is not None and d != 1}
        if len(known) > 1:
            raise ValueError(f"shapes {shapes} cannot broadcast: sizes {sorted(known)} at one position")
        if known:
            result.append(known.pop())
        else:
            result.append(None if None in dims else 1)
    return tuple(reversed(result))


def without_axis(shape: tuple | None, axis: int) -> tuple | None:
    """``shape`` with dimension ``axis`` (negative counts from the end) removed."""
    if shape is None:
        return None
    kept = list(shape)
    del kept[axis]
    return tuple(kept)


def dtype_of_scalars(compute: Any, *values: Any) -> np.dtype:
    """The dtype ``compute`` gives 0-d stand-ins of ``values``' dtypes (Python numbers kept
    as they are, so weak scalars stay weak): for element-wise ops, their result dtype."""
    stand_ins = [value if isinstance(value, (int, float)) else np.ones((), static_dtype(value))
                 for value in values]
    return np.asarray(compute(*stand_ins)).dtype


def broadcasting_rule(compute: Any) -> Any:
    """The static rule of an element-wise op broadcasting all its arguments: their
    broadcast shape, and the dtype ``compute`` gives on 0-d stand-ins."""
    def rule(**arguments: Any) -> tuple[tuple | None, np.dtype]:
        values = list(arguments.values())
        return broadcast_static(*values), dtype_of_scalars(compute, *values)
    return rule
