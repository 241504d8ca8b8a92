"""Loops over a tensor's first axis: map_fn, foldl, foldr (category: control flow).

Each callable receives backend tensors (``Tensor``) and may answer a tensor, a
numpy value or a Python number (or a graph node depending on no placeholder, as an
op on a classic ``GraphVariable``: it is computed); the loop itself runs in numpy. With a symbolic
``elems`` the whole loop is one deferred node (``op``), run when evaluated.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from .backprop import value_of
from .dispatch import Tensor, op

__all__ = ["map_fn", "foldl", "foldr"]


@op
def map_fn(fn: Callable, elems: Any, name: str | None = None, dtype: Any = None):
    """``stack([fn(elems[0]), fn(elems[1]), ...])``: ``fn`` applied to each slice
    along axis 0 of the tensor ``elems``.

    The result's dtype is ``dtype``, or ``elems``' dtype when ``dtype`` is None
    (tf_keras' ``tf.compat.v1.map_fn``): ``fn`` answering another dtype raises
    ``TypeError`` (tf raises an ``InvalidArgumentError`` when it runs). Every
    answer of ``fn`` must have the same shape. Empty ``elems``: ``fn`` is traced
    once on a zero slice to learn the shape of the (empty) result.
    """
    elems = np.asarray(elems)
    wanted = elems.dtype if dtype is None else np.dtype(dtype)
    if len(elems) == 0:
        probe = np.asarray(value_of(fn(Tensor(np.zeros(elems.shape[1:], elems.dtype))), {}, {}))
        return np.zeros((0,) + probe.shape, dtype=wanted)
    results = [np.asarray(value_of(fn(Tensor(item)), {}, {})) for item in elems]
    found = {r.dtype for r in results}
    if found != {wanted}:
        raise TypeError(f"map_fn: fn answered dtype {sorted(d.name for d in found)} but the result dtype is "
                        f"{wanted.name} (pass dtype= when fn changes the dtype)")
    return np.stack(results)


def _fold(fn: Callable, elems: np.ndarray, initializer: Any, entry: str) -> np.ndarray:
    """The left fold of ``fn`` over ``elems``' axis 0 (``_fold`` of reversed elems is foldr)."""
    if initializer is None:
        if len(elems) == 0:
            raise ValueError(f"{entry}: elems is empty and there is no initializer")
        accumulator, rest = elems[0], elems[1:]
    else:
        accumulator, rest = np.asarray(initializer), elems
    for item in rest:
        accumulator = np.asarray(value_of(fn(Tensor(accumulator), Tensor(item)), {}, {}))
    return np.array(accumulator)


@op
def foldl(fn: Callable, elems: Any, initializer: Any = None, name: str | None = None):
    """Left fold: ``acc = fn(acc, elems[i])`` for i = 0, 1, ... along axis 0.

    ``initializer`` None: ``acc`` starts as ``elems[0]`` and the fold runs over
    ``elems[1:]``. Empty ``elems`` without initializer raises ``ValueError``.
    The result is the last ``acc`` (its dtype is what ``fn`` answers).
    """
    return _fold(fn, np.asarray(elems), initializer, "foldl")


@op
def foldr(fn: Callable, elems: Any, initializer: Any = None, name: str | None = None):
    """Right fold: ``acc = fn(acc, elems[i])`` for i = n-1, n-2, ..., 0.

    ``initializer`` None: ``acc`` starts as ``elems[-1]``. So the product of
    ``[1e-20, 1e-20, 10, 10, 10]`` is ``1000 * 1e-20 * 1e-20 = 1e-37``, which
    float32 represents (the left fold passes through 1e-40, a subnormal that
    TF on CPU flushes to 0).
    """
    return _fold(fn, np.asarray(elems)[::-1], initializer, "foldr")
