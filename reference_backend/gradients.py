"""Gradients of a loss with respect to tensors of its graph, and moving averages of variables.

``gradients`` is exact reverse-mode differentiation (``backprop``): each op's
gradient rule sits next to the op, and one backward pass over the loss's
deferred graph gives every requested gradient. ``gradient_of_call`` asks the
same machinery for the gradient of one entry call (what a per-entry gradient
check compares a backend with).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from . import reductions
from .backprop import Paths, backpropagate, value_of
from .dispatch import Placeholder, SymbolicTensor, TensorBase, Variable, op, select

__all__ = ["gradients", "moving_average_update"]


def gradients(loss: Any, variables: Sequence[Any]) -> list:
    """The gradient of ``sum(loss)`` with respect to each of ``variables``, as a list.

    tf_keras semantics (``tf.compat.v1.gradients``): a non-scalar loss is
    summed; each gradient has its variable's shape and dtype; a variable the
    loss does not depend on through float tensors and differentiable ops gets
    ``None`` (``round``, ``stop_gradient``, ``argmax``, comparisons and casts to
    integers pass none); an op on the way that has no gradient raises
    ``LookupError``. ``variables`` may be variables, placeholders or
    intermediate tensors of the loss's graph (the gradient with respect to an
    intermediate tensor counts only the paths through it). Like tf_keras, only
    a symbolic loss (a graph built on placeholders) can be differentiated: a
    concrete loss raises ``RuntimeError`` (tf_keras under eager execution raises
    it for every loss; classic Keras 2.3 on TF1 graphs accepts variables).

    Exact: one backward pass applies each op's gradient rule (its docstring
    states the convention at kinks, TensorFlow's), in float64 from the
    forward pass's values, rounded once to each variable's dtype. Evaluated by
    the same ``function`` call as the loss, it sees the same forward values
    (the same dropout mask). Second-order gradients are not supported.
    """
    if not isinstance(loss, SymbolicTensor):
        raise RuntimeError("gradients needs a symbolic loss (built on placeholders): the reference backend "
                           "records no operations on concrete tensors, as tf_keras under eager execution")
    targets = list(variables)
    paths = Paths([loss], targets)
    flowing = [target for target in targets if paths.reaches(target)]
    backward = _Backward(loss, flowing, paths)
    position = {id(target): i for i, target in enumerate(flowing)}
    return [SymbolicTensor(select, (backward,), {"path": (position[id(target)],)}, _static_shape(target),
                           np.dtype(target.dtype)) if id(target) in position else None
            for target in targets]


class _Backward(SymbolicTensor):
    """The graph node of one backward pass: its value is the tuple of the
    gradients of ``sum(loss)`` with respect to ``targets``."""

    def __init__(self, loss: SymbolicTensor, targets: list, paths: Paths):
        super().__init__(None, (loss, *targets), {}, None, None)
        self.loss, self.targets, self.paths = loss, targets, paths

    def evaluate(self, feed: dict[Placeholder, np.ndarray], cache: dict[int, Any]) -> Any:
        if id(self) not in cache:
            seed = np.ones(np.shape(self.loss.evaluate(feed, cache)), np.float64)
            cotangents = backpropagate(self.paths, [(self.loss, seed)], feed, cache)
            cache[id(self)] = tuple(_gradient(cotangents.of(target), value_of(target, feed, cache))
                                    for target in self.targets)
        return cache[id(self)]


def _gradient(cotangent: Any, value: Any) -> np.ndarray:
    """The gradient of a target of value ``value``: zeros when no cotangent reached it
    (a path exists, but this evaluation sent nothing along it), in the target's dtype."""
    value = np.asarray(value)
    if cotangent is None:
        return np.zeros(value.shape, value.dtype)
    with np.errstate(over="ignore"):
        return np.asarray(cotangent).astype(value.dtype)


def _static_shape(target: Any) -> tuple | None:
    return None if target.shape is None else tuple(target.shape)


def gradient_of_call(entry: Callable, args: Sequence[Any], kwargs: dict[str, Any], wrt: Sequence[str],
                     cotangent: Any = None) -> dict[str, Any]:
    """The reference's gradient of one entry call: ``{parameter: gradient}`` for the
    parameters ``wrt`` of ``entry(*args, **kwargs)`` (numpy arguments).

    The differentiated value is ``sum(cotangent * result)``, summed over every
    float result of an entry with several; ``cotangent`` None means ones (the
    gradient of the result's sum). A parameter holding a list of arrays
    (concatenate's ``tensors``) gets a list of gradients; one the result does
    not depend on differentiably gets None. The call goes through the graph
    route: each ``wrt`` array becomes a placeholder of its shape and dtype.
    """
    bound = inspect.signature(entry).bind(*args, **kwargs)
    fed: list[tuple[Placeholder, np.ndarray]] = []

    def placeholder_for(value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            return type(value)(placeholder_for(item) for item in value)
        array = np.asarray(value)
        stand_in = Placeholder(array.shape, array.dtype, name=f"wrt_{len(fed)}")
        fed.append((stand_in, array))
        return stand_in

    stand_ins = {name: placeholder_for(bound.arguments[name]) for name in wrt}
    bound.arguments.update(stand_ins)
    loss = _weighted_sum(entry(*bound.args, **bound.kwargs), cotangent)
    gradients_ = gradients(loss, [p for p, _ in fed])
    feed = {p: array for p, array in fed}
    cache: dict[int, Any] = {}
    values = iter([None if g is None else np.asarray(g.evaluate(feed, cache)) for g in gradients_])

    def regroup(stand_in: Any) -> Any:
        if isinstance(stand_in, (list, tuple)):
            return type(stand_in)(regroup(item) for item in stand_in)
        return next(values)

    return {name: regroup(stand_ins[name]) for name in wrt}


def _weighted_sum(result: Any, cotangent: Any) -> Any:
    """``sum(cotangent * result)`` over every float tensor of ``result`` (a tensor or nested
    tuples and lists of them; ``cotangent`` None, or mirroring that structure)."""
    if isinstance(result, (list, tuple)):
        parts = [_weighted_sum(r, None if cotangent is None else c)
                 for r, c in zip(result, cotangent if cotangent is not None else [None] * len(result))]
        parts = [part for part in parts if part is not None]
        return functools.reduce(lambda a, b: a + b, parts) if parts else None
    if not isinstance(result, TensorBase) or result.dtype is None or np.dtype(result.dtype).kind != "f":
        return None
    return reductions.sum(result if cotangent is None else result * np.asarray(cotangent))


@op(mutates="x")
def moving_average_update(x, value, momentum):
    """``x = x * momentum + value * (1 - momentum)`` on variable ``x``; returns ``x``.

    tf_keras (TF2) semantics: ``x.assign_sub((x - value) * (1 - momentum))``,
    no bias correction. Classic Keras 2.3 (and tf_keras under TF1 graphs) used
    ``assign_moving_average(..., zero_debias=True)``, whose values differ.
    Deferred (applied when evaluated) when ``value`` is symbolic.
    """
    if not isinstance(x, Variable):
        raise TypeError(f"moving_average_update needs a variable, got {type(x).__name__}")
    current = np.asarray(x)
    # A Python momentum stays weakly typed (numpy 2), so the arithmetic keeps x's dtype, as in TF.
    keep = 1 - (momentum if isinstance(momentum, (int, float)) else np.asarray(momentum))
    x.assign(current - (current - np.asarray(value)) * keep)
    return x
