"""Deferred graphs: placeholders and ``function``.

A ``placeholder`` is a graph input; ops applied to it build ``SymbolicTensor``
nodes (see ``dispatch.op``); ``function(inputs, outputs, updates)`` returns a
callable that feeds values to the inputs and evaluates the outputs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .dispatch import Placeholder, SymbolicTensor, Tensor, TensorBase, Variable, unique_name
from .tensors import _dtype

__all__ = ["placeholder", "is_placeholder", "is_keras_tensor", "function", "Function"]


def placeholder(shape: Sequence[int | None] | None = None, ndim: int | None = None,
                dtype: str | None = None, sparse: bool = False, name: str | None = None,
                ragged: bool = False) -> Placeholder:
    """A graph input of ``shape`` (``None`` for unknown dimensions) and ``dtype``
    (default ``floatx()``). With no shape, ``ndim`` gives ``(None,) * ndim``; with
    neither, the rank is unknown. ``sparse`` and ``ragged`` together raise
    ``ValueError``; the reference supports neither (``NotImplementedError``).

    Classic Keras 2.3 reads two attributes its own backends set on every
    placeholder (its ``Input`` layer and ``Network`` rely on them): ``_keras_shape``
    (the shape as given, ``None`` when the rank is unknown) and
    ``_uses_learning_phase`` (``False``); the reference sets both. tf_keras sets
    neither."""
    if sparse and ragged:
        raise ValueError("Cannot set both sparse and ragged to True when creating a placeholder.")
    if sparse or ragged:
        raise NotImplementedError("the reference backend has no sparse or ragged tensors")
    if not shape and ndim is not None:
        shape = (None,) * ndim
    x = Placeholder(None if shape is None else tuple(shape), _dtype(dtype), name=name or unique_name("placeholder"))
    x._keras_shape = x.shape
    x._uses_learning_phase = False
    return x


def is_placeholder(x: Any) -> bool:
    """Whether ``x`` is a placeholder."""
    return isinstance(x, Placeholder)


def is_keras_tensor(x: Any) -> bool:
    """Whether ``x`` is a symbolic (graph) tensor, as tf_keras answers in eager mode:
    ``True`` for placeholders and the ops built on them, ``False`` for variables and
    constants. Anything that is not a backend tensor raises ``ValueError``
    (classic Keras 2.3 answered ``False`` for placeholders)."""
    if not isinstance(x, TensorBase):
        raise ValueError(
            f"Unexpectedly found an instance of type `{type(x)}`. "
            "Expected a symbolic tensor instance."
        )
    return isinstance(x, SymbolicTensor)


class Function:
    """The callable that ``function`` returns.

    Called with the input values (a list, or one array for a single input),
    it returns the outputs' values as numpy arrays (a list when ``outputs``
    was a list or tuple), then applies the updates.
    """

    def __init__(self, inputs: Sequence[Placeholder], outputs: Any, updates: Sequence = ()):
        self.inputs = list(inputs)
        for item in self.inputs:
            if not isinstance(item, Placeholder):
                raise TypeError(f"function inputs must be placeholders, got {item!r}")
        self.outputs = outputs
        self.updates = list(updates)
        for item in self.updates:
            if not (isinstance(item, TensorBase) or (isinstance(item, (tuple, list)) and len(item) == 2
                                                     and isinstance(item[0], Variable))):
                raise TypeError(f"each update must be a (variable, new_value) pair or an update op, got {item!r}")

    def __call__(self, values: Any) -> Any:
        if not isinstance(values, (list, tuple)):
            values = [values]
        if len(values) != len(self.inputs):
            raise ValueError(f"function expects {len(self.inputs)} input value(s), got {len(values)}")
        feed = {p: _feed_value(p, value) for p, value in zip(self.inputs, values)}
        cache: dict[int, Any] = {}
        many = isinstance(self.outputs, (list, tuple))
        results = [_evaluate(output, feed, cache) for output in (self.outputs if many else [self.outputs])]
        self._apply_updates(feed, cache)
        return [np.array(r) for r in results] if many else np.array(results[0])

    def _apply_updates(self, feed: dict, cache: dict) -> None:
        # Every new value is computed from the pre-update state before any is assigned, as Theano
        # applies updates: Keras 2.3.1's Adam reads `iterations + 1` next to `update_add(iterations, 1)`
        # (keras/optimizers.py), and counts step 1 as t = 1 only when the read comes first.
        assignments = []
        ops = []
        for item in self.updates:
            if isinstance(item, SymbolicTensor) and (prepare := getattr(item.compute, "prepare", None)) is not None:
                args, kwargs = item.arguments(feed, cache)
                ops.append(prepare(*args, **kwargs))  # an update op: its arguments read now, assigning when run
            elif isinstance(item, TensorBase):
                _evaluate(item, feed, cache)  # an update op of another kind, or one applied already
            else:
                target, new_value = item
                assignments.append((target, np.asarray(_evaluate(new_value, feed, cache))))
        for run in ops:
            run()
        for target, new_value in assignments:
            target.assign(new_value)


def function(inputs: Sequence[Placeholder], outputs: Any, updates: Sequence | None = None,
             name: str | None = None, **kwargs: Any) -> Function:
    """A callable evaluating ``outputs`` for values of the placeholders ``inputs``,
    then applying ``updates`` (``(variable, new_value)`` pairs or update ops; the
    outputs show the values from before the updates). Any other keyword argument
    raises ``ValueError``."""
    if kwargs:
        raise ValueError(f"Invalid argument(s) passed to function: {sorted(kwargs)}")
    return Function(inputs, outputs, updates or ())


def _feed_value(p: Placeholder, value: Any) -> np.ndarray:
    array = np.asarray(value, dtype=p.dtype)
    if p.shape is not None:
        compatible = array.ndim == len(p.shape) and all(
            d is None or d == n for d, n in zip(p.shape, array.shape))
        if not compatible:
            raise ValueError(f"placeholder {p.name!r} of shape {p.shape} cannot take a value of shape {array.shape}")
    return array


def _evaluate(x: Any, feed: dict, cache: dict) -> Any:
    if isinstance(x, SymbolicTensor):
        return x.evaluate(feed, cache)
    return np.asarray(x) if isinstance(x, Tensor) else x
