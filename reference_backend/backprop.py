"""Reverse-mode differentiation of deferred graphs: the walk behind ``gradients``.

Every differentiable op has a gradient rule next to it (``@entry.gradient("x")``,
see ``dispatch.GradientRule``): a vector-Jacobian product that maps the
cotangent of the op's result to the cotangents of its arguments. A gradient is
then one forward pass and one backward pass over the loss's graph:

1. ``Paths`` (when ``gradients`` is called): the nodes that lie on a
   differentiable path from a target to the loss. A target no path reaches has
   a None gradient, as in TensorFlow; an op on a path without a rule raises
   ``LookupError`` then, as TensorFlow does for an op without a gradient.
2. ``backpropagate`` (when the gradient is evaluated): the forward values, in
   the caller's cache (a loss and its gradients evaluated by one ``function``
   call share them, random draws included); then each node on a path,
   consumers before producers, hands its cotangent to its op's rule and adds
   the answers to its inputs' cotangents.

Conventions every rule relies on:

* Gradients flow only along float tensors (TensorFlow's rule too): an integer
  or bool argument, or an op whose result is not float, ends a path.
* Cotangents are float64 arrays. Rules receive the arguments as the forward
  pass computed with them (arrays in their own dtypes, so a mask such as
  ``x > threshold`` is the forward's own comparison) and compute derivatives
  in float64 (``dispatch.wide``): the gradient is the exact derivative at the
  forward's values, rounded once to the target's dtype at the end.
* A rule may answer an argument's cotangent in the shape the argument was
  broadcast to; the walk sums it back to the argument's shape.
* An op with several results (a tuple) gets a tuple of cotangents, None where
  nothing flows (``dispatch.select`` nodes place them).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np

from .dispatch import Placeholder, SymbolicTensor, TensorBase, Variable, gradient_rule

__all__: list[str] = []  # machinery of the ``gradients`` entry, no entry of its own


def _is_float(tensor: Any) -> bool:
    """Whether a gradient can flow through ``tensor``: a float dtype, or one not known statically."""
    dtype = getattr(tensor, "dtype", None)
    return dtype is None or np.dtype(dtype).kind == "f"


@functools.cache
def _signature(compute: Callable) -> inspect.Signature:
    return inspect.signature(compute)


def _bound(compute: Callable | None, args: tuple, kwargs: dict) -> dict[str, Any]:
    """``compute``'s arguments by parameter name, defaults filled in."""
    assert compute is not None, "only op nodes have arguments to bind"
    bound = _signature(compute).bind(*args, **kwargs)
    bound.apply_defaults()
    return dict(bound.arguments)


def _tensors_in(structure: Any) -> Iterable[TensorBase]:
    if isinstance(structure, TensorBase):
        yield structure
    elif isinstance(structure, (list, tuple)):
        for item in structure:
            yield from _tensors_in(item)


def _name(node: SymbolicTensor) -> str:
    return getattr(node.compute, "__name__", None) or type(node).__name__


class Paths:
    """The tensors of ``roots``' graphs through which a gradient flows from ``targets``.

    ``order`` lists the ops to cross, consumers before producers. Built from
    static information only (rules, dtypes), so it is computed once per
    ``gradients`` call and reused at every evaluation.
    """

    def __init__(self, roots: Sequence[Any], targets: Sequence[Any]):
        self._targets = {id(t) for t in targets}
        self._on_path: dict[int, bool] = {}
        self._inputs: dict[int, list[TensorBase]] = {}
        for root in roots:
            self.flows(root)
        self._reached: set[int] = set()
        self.order = self._consumers_first(roots)

    def reaches(self, target: Any) -> bool:
        """Whether a gradient flows from ``target`` to a root (else TensorFlow answers None)."""
        return id(target) in self._reached

    def flows(self, tensor: Any) -> bool:
        """Whether a gradient flows from a target into ``tensor`` (the targets included)."""
        key = id(tensor)
        if key not in self._on_path:
            self._on_path[key] = False  # a graph has no cycles; this only guards the recursion
            inputs = self._differentiable_inputs(tensor)
            reached = [t for t in inputs if self.flows(t)]  # every input visited: each may be a target
            self._on_path[key] = key in self._targets or bool(reached)
        return self._on_path[key]

    def _differentiable_inputs(self, tensor: Any) -> list[TensorBase]:
        if not isinstance(tensor, SymbolicTensor) or isinstance(tensor, Placeholder) or not _is_float(tensor):
            return []
        rule = gradient_rule(tensor.compute)
        if rule is None:
            if any(_is_float(t) and self.flows(t) for t in tensor.inputs()):
                raise LookupError(f"no gradient is defined for {_name(tensor)}: the reference cannot differentiate "
                                  "through it")
            return []
        arguments = _bound(tensor.compute, tensor.args, tensor.kwargs) if rule.vjp is not None else {}
        inputs = [t for name in rule.wrt for t in _tensors_in(arguments.get(name))]
        if rule.captures is not None and rule.vjp is not None:
            inputs += rule.captures(**arguments)
        inputs = [t for t in inputs if _is_float(t)]
        self._inputs[id(tensor)] = inputs
        return inputs

    def _consumers_first(self, roots: Sequence[Any]) -> list[SymbolicTensor]:
        """The op nodes on a path, each after every node that consumes it (reversed post-order)."""
        order: list[SymbolicTensor] = []
        seen: set[int] = set()
        stack: list[tuple[Any, bool]] = [(root, False) for root in roots]
        while stack:
            tensor, expanded = stack.pop()
            if expanded:
                order.append(tensor)
                continue
            if id(tensor) in seen or not self.flows(tensor):
                continue
            seen.add(id(tensor))
            self._reached.add(id(tensor))
            if id(tensor) not in self._inputs:
                continue  # a target that is a leaf
            stack.append((tensor, True))
            stack.extend((t, False) for t in self._inputs[id(tensor)])
        return order[::-1]


def value_of(tensor: Any, feed: dict, cache: dict) -> Any:
    """``tensor``'s value in this evaluation (a variable's may be fed, as ``function`` probes do)."""
    if isinstance(tensor, SymbolicTensor):
        return tensor.evaluate(feed, cache)
    if isinstance(tensor, Variable):
        return np.asarray(feed.get(tensor, tensor))
    return np.asarray(tensor)


def _as_arrays(value: Any) -> Any:
    """Tensors in ``value`` (at any depth of lists and tuples) as numpy arrays."""
    if isinstance(value, (list, tuple)):
        return type(value)(_as_arrays(item) for item in value)
    return np.asarray(value) if isinstance(value, TensorBase) else value


def unbroadcast(cotangent: Any, shape: tuple) -> np.ndarray:
    """``cotangent`` summed back to ``shape``, the shape of a value numpy broadcast to its own."""
    cotangent = np.asarray(cotangent, np.float64)
    if cotangent.shape == shape:
        return cotangent
    extra = cotangent.ndim - len(shape)
    summed = np.sum(cotangent, axis=tuple(range(extra))) if extra > 0 else cotangent
    stretched = tuple(axis for axis, n in enumerate(shape) if n == 1 and summed.shape[axis] != 1)
    if stretched:
        summed = np.sum(summed, axis=stretched, keepdims=True)
    return np.broadcast_to(summed, shape)


def _added(total: Any, cotangent: Any, value: Any) -> Any:
    """``total + cotangent`` for ``value``'s structure (None is nothing yet)."""
    if cotangent is None:
        return total
    if isinstance(value, (list, tuple)):
        parts = total if total is not None else [None] * len(value)
        return type(value)(_added(t, c, v) for t, c, v in zip(parts, cotangent, value))
    cotangent = unbroadcast(cotangent, np.shape(value))
    return cotangent if total is None else total + cotangent


class Cotangents:
    """Cotangents by tensor (identity), summed as the walk adds them."""

    def __init__(self, paths: Paths, feed: dict, cache: dict):
        self._paths, self._feed, self._cache = paths, feed, cache
        self._by_id: dict[int, Any] = {}

    def add(self, tensor: Any, cotangent: Any) -> None:
        if isinstance(tensor, TensorBase) and self._paths.flows(tensor):
            value = _as_arrays(value_of(tensor, self._feed, self._cache))
            self._by_id[id(tensor)] = _added(self._by_id.get(id(tensor)), cotangent, value)

    def add_matching(self, structure: Any, cotangent: Any) -> None:
        """Add ``cotangent`` to the tensors of ``structure`` (a tensor, or lists of them) item by item."""
        if cotangent is None:
            return
        if isinstance(structure, TensorBase):
            self.add(structure, cotangent)
        elif isinstance(structure, (list, tuple)):
            for item, part in zip(structure, cotangent):
                self.add_matching(item, part)

    def of(self, tensor: Any) -> Any:
        """The cotangent of ``tensor``, None when nothing flowed to it."""
        return self._by_id.get(id(tensor))


def backpropagate(paths: Paths, seeds: Sequence[tuple[Any, Any]], feed: dict, cache: dict) -> Cotangents:
    """The cotangents of every tensor on ``paths`` given ``seeds``, ``(tensor, its cotangent)``
    pairs (for a loss: ``ones``, the gradient of its sum). Forward values come from ``cache``
    (computed there when missing) with placeholders fed by ``feed``."""
    cotangents = Cotangents(paths, feed, cache)
    for tensor, cotangent in seeds:
        cotangents.add(tensor, cotangent)
    for node in paths.order:
        cotangent = cotangents.of(node)
        if cotangent is None:
            continue
        rule = gradient_rule(node.compute)
        assert rule is not None and rule.vjp is not None, "Paths only orders nodes with a rule"
        args, kwargs = node.arguments(feed, cache)
        values = _bound(node.compute, _as_arrays(args), _as_arrays(kwargs))
        with np.errstate(all="ignore"):  # infinities and NaN are propagated as the math says
            answers = rule.vjp(cotangent, _as_arrays(value_of(node, feed, cache)), **values)
        symbolic = _bound(node.compute, node.args, node.kwargs)
        for key, answer in answers.items():
            if isinstance(key, str):
                assert key in rule.wrt, f"the rule of {_name(node)} answered {key!r}, not among {rule.wrt}"
                cotangents.add_matching(symbolic[key], answer)
            else:
                cotangents.add(key, answer)  # a tensor the op captured
    return cotangents
