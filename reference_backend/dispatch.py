"""The reference backend's tensor types and its single dispatch point.

Three kinds of value flow through the backend:

* ``Tensor``: a concrete, immutable value (wraps a numpy array);
* ``Variable``: a concrete value that ``assign`` can change;
* ``SymbolicTensor``: a node of a deferred graph, rooted in ``Placeholder``
  leaves, evaluated later by ``function``.

Every entry that computes on tensors is written as plain numpy code and
decorated with ``@op``. ``op`` is the only place that decides between eager
and deferred evaluation: when any argument (at any depth of lists, tuples and
dicts) is symbolic, the call is recorded as a graph node instead of being run.

An op's gradient rule is registered next to it with ``@entry.gradient(...)``
(or ``no_gradient(entry)``); ``backprop`` walks deferred graphs with them.
"""

from __future__ import annotations

import functools
import inspect
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol, cast, overload

import numpy as np

from .static_shapes import broadcasting_rule

__all__: list[str] = []  # the types are reached through the entries, not exported

# Sizes substituted for unknown (None) dimensions when a node's static shape is
# inferred by running its numpy code on stand-in values: a dimension that
# comes out the same for both sizes is static, one that differs is unknown.
_PROBE_SIZES = (2, 3)


class TensorBase:
    """Operators shared by every tensor kind; each goes through ``op``."""

    # numpy must defer to our reflected operators (ndarray * Tensor -> Tensor).
    __array_ufunc__ = None

    def __add__(self, other):  return _add(self, other)
    def __radd__(self, other): return _add(other, self)
    def __sub__(self, other):  return _subtract(self, other)
    def __rsub__(self, other): return _subtract(other, self)
    def __mul__(self, other):  return _multiply(self, other)
    def __rmul__(self, other): return _multiply(other, self)
    def __truediv__(self, other):  return _divide(self, other)
    def __rtruediv__(self, other): return _divide(other, self)
    def __pow__(self, other):  return _power(self, other)
    def __rpow__(self, other): return _power(other, self)
    def __neg__(self):         return _negative(self)
    def __getitem__(self, key): return _getitem(self, key)

    shape: tuple | None
    dtype: np.dtype | None

    @property
    def ndim(self) -> int | None:
        return None if self.shape is None else len(self.shape)

    def __len__(self) -> int:
        """The static size of the first axis; ``TypeError`` when it is unknown or
        the tensor is a scalar (iteration must end: ``__getitem__`` alone would
        let ``list(symbolic)`` run forever)."""
        if not self.shape or self.shape[0] is None:
            raise TypeError(f"len() of a tensor of shape {self.shape}: the first axis has no static size")
        return self.shape[0]

    def __iter__(self):
        return (self[i] for i in range(len(self)))


class Tensor(TensorBase):
    """A concrete value. ``np.asarray(tensor)`` reads it without copying."""

    def __init__(self, value: Any, name: str | None = None):
        self._value = np.asarray(value)
        self.name = name

    # Read-only here, where the value decides them; a graph node's are set once inferred.
    @property
    def shape(self) -> tuple[int, ...]:  # type: ignore[override]
        return self._value.shape

    @property
    def dtype(self) -> np.dtype:  # type: ignore[override]
        return self._value.dtype

    def numpy(self) -> np.ndarray:
        """A copy of the value, safe for the caller to modify."""
        return self._value.copy()

    def __array__(self, dtype=None, copy=None) -> np.ndarray:
        return self._value if dtype is None else self._value.astype(dtype)

    def __repr__(self) -> str:
        kind = type(self).__name__
        return f"<{kind} shape={self.shape} dtype={self.dtype.name}>"


class Variable(Tensor):
    """A mutable concrete value (Keras' ``variable``)."""

    def __init__(self, value: Any, name: str | None = None, constraint: Any = None):
        super().__init__(np.array(value), name=name)  # own copy
        self.constraint = constraint

    def assign(self, value: Any) -> None:
        """Replace the value; it is cast to the variable's dtype and must have its shape."""
        new_value = np.asarray(value, dtype=self.dtype)
        if new_value.shape != self.shape:
            raise ValueError(
                f"Cannot assign a value of shape {new_value.shape} to variable "
                f"{self.name!r} of shape {self.shape}"
            )
        self._value = new_value.copy()


class GraphVariable(Variable):
    """A variable as classic Keras 2.3's graph backends hold one (a TF1 ``tf.Variable``, a
    Theano shared variable): every op taking it is a graph node that reads it when the graph
    runs, not a value computed from it once. Keras 2.3.1 builds its training step that way:
    its optimizers write ``momentum * m - lr * g`` on a moment variable ``m`` once and run it
    every step, and ``GRUCell.build`` slices its kernels once (``keras/optimizers.py``,
    ``keras/layers/recurrent.py``). An update op taking it is applied when evaluated."""


class SymbolicTensor(TensorBase):
    """A graph node: ``compute(*args, **kwargs)`` once its symbolic leaves have values.

    ``shape`` holds ``None`` for unknown dimensions, or is ``None`` when even
    the rank is unknown; ``dtype`` is ``None`` when it could not be inferred.
    """

    def __init__(self, compute: Callable | None, args: tuple, kwargs: dict,
                 shape: tuple | None, dtype: np.dtype | None, name: str | None = None):
        self.compute = compute
        self.args = args
        self.kwargs = kwargs
        self.shape = shape
        self.dtype = dtype
        self.name = name

    def evaluate(self, feed: dict[Placeholder, np.ndarray], cache: dict[int, Any]) -> Any:
        """This node's concrete value, given values for its placeholders."""
        key = id(self)
        assert self.compute is not None, "a placeholder is fed, not computed"
        if key not in cache:
            args, kwargs = self.arguments(feed, cache)
            # An op's node runs its numpy code now (``run``): its GraphVariable arguments would defer it again.
            cache[key] = getattr(self.compute, "run", self.compute)(*args, **kwargs)
        return cache[key]

    def arguments(self, feed: dict[Placeholder, np.ndarray], cache: dict[int, Any]) -> tuple[tuple, dict]:
        """``(args, kwargs)`` of ``compute``, symbolic leaves replaced by their values."""
        return map_leaves((self.args, self.kwargs), lambda leaf: _resolve(leaf, feed, cache))

    def inputs(self) -> list[Any]:
        """The tensors among this node's arguments (symbolic or concrete), at any depth, in order."""
        return [leaf for leaf in leaves((self.args, self.kwargs)) if isinstance(leaf, TensorBase)]

    def graph_leaves(self) -> Iterator[Any]:
        """The placeholders and concrete values this node depends on."""
        for leaf in leaves((self.args, self.kwargs)):
            if isinstance(leaf, SymbolicTensor):
                yield from leaf.graph_leaves()
            else:
                yield leaf

    def placeholders(self) -> Iterator[Placeholder]:
        """The placeholder leaves this node depends on."""
        return (leaf for leaf in self.graph_leaves() if isinstance(leaf, Placeholder))

    def probe_value(self, unknown_size: int) -> np.ndarray | None:
        """A stand-in value of this node's static shape (unknown dimensions set to
        ``unknown_size``) for shape inference; None when its rank or dtype is unknown."""
        if self.shape is None or self.dtype is None:
            return None
        shape = tuple(unknown_size if d is None else d for d in self.shape)
        fill = 1 if self.dtype.kind == "f" else 0  # ones keep log/divide finite; 0 is a valid index
        return np.full(shape, fill, dtype=self.dtype)

    def __repr__(self) -> str:
        dtype = None if self.dtype is None else self.dtype.name
        return f"<{type(self).__name__} shape={self.shape} dtype={dtype}>"


class Placeholder(SymbolicTensor):
    """A graph input; its value is fed by ``function``."""

    # What classic Keras 2.3's Input and Network read from a placeholder its backend made (set by ``placeholder``).
    _keras_shape: tuple | None
    _uses_learning_phase: bool

    def __init__(self, shape: tuple | None, dtype: np.dtype, name: str | None = None):
        super().__init__(None, (), {}, shape, dtype, name)

    def evaluate(self, feed: dict[Placeholder, np.ndarray], cache: dict[int, Any]) -> Any:
        try:
            return feed[self]
        except KeyError:
            raise ValueError(
                f"placeholder {self.name!r} has no value: pass it to function() as an input"
            ) from None

    def graph_leaves(self) -> Iterator[Any]:
        yield self

    def __hash__(self) -> int:
        return id(self)


@dataclass(frozen=True)
class GradientRule:
    """How reverse mode crosses an op (see ``backprop`` for the walk).

    * ``wrt``: the parameters a gradient flows to (float tensors only; a list
      parameter, such as concatenate's ``tensors``, covers its elements);
    * ``vjp(cotangent, result, **arguments) -> {parameter: cotangent}``: the
      vector-Jacobian product; None: no gradient flows through the op at all
      (TensorFlow's NotDifferentiable: a loss reached only through it has a
      None gradient);
    * ``captures(**arguments) -> tensors``: tensors the op uses without taking
      them as arguments (the variables an rnn step function closes over); the
      vjp answers their cotangents under the tensors themselves as keys.
    """

    wrt: tuple[str, ...]
    vjp: Callable[..., dict] | None
    captures: Callable[..., list] | None = None


def gradient_rule(compute: Callable | None) -> GradientRule | None:
    """The rule registered for a graph node's ``compute``; None when it has none."""
    return getattr(compute, "gradient_rule", None)


def gradient_for(function: Callable, *wrt: str, captures: Callable[..., list] | None = None) -> Callable:
    """Decorator registering its function as the vjp of ``function`` (an op or a
    graph node's compute), differentiable in the parameters ``wrt``."""
    def register(vjp: Callable[..., dict]) -> Callable[..., dict]:
        function.gradient_rule = GradientRule(tuple(wrt), vjp, captures)  # type: ignore[attr-defined]
        return vjp
    return register


def no_gradient(*functions: Callable) -> None:
    """Declare that no gradient flows through ``functions`` (TensorFlow's
    NotDifferentiable, as for ``round`` and ``stop_gradient``)."""
    for function in functions:
        function.gradient_rule = GradientRule((), None)  # type: ignore[attr-defined]


class Op(Protocol):
    """An entry made by ``op``: called as its numpy function is, with ``gradient``, the
    decorator that registers its gradient rule (``gradient_for`` bound to the entry)."""

    __name__: str

    def __call__(self, *args: Any, **kwargs: Any) -> Any: ...

    def gradient(self, *wrt: str, captures: Callable[..., list] | None = None
                 ) -> Callable[[Callable[..., dict]], Callable[..., dict]]: ...

    def static_result(self, rule: StaticRule) -> StaticRule: ...


# ``rule(**arguments) -> (shape, dtype)``: an op's static result from its bound arguments
# (see ``static_shapes``); a dtype of None means the rule cannot tell and the probe decides.
StaticRule = Callable[..., tuple[tuple | None, Any]]


def static_result_for(function: Callable, rule: StaticRule) -> StaticRule:
    """Register ``rule`` as ``function``'s static shape rule (used instead of the probe)."""
    function.static_rule = rule  # type: ignore[attr-defined]
    return rule


@overload
def op(function: Callable, *, mutates: str | None = None) -> Op: ...
@overload
def op(function: None = None, *, mutates: str | None = None) -> Callable[[Callable], Op]: ...


def op(function: Callable | None = None, *, mutates: str | None = None) -> Op | Callable[[Callable], Op]:
    """Make a numpy implementation work on concrete values and on graphs alike.

    Concrete call: every ``Tensor`` argument reaches ``function`` as a numpy
    array, except the ``Variable`` passed as parameter ``mutates`` (for the
    entries that assign to it); numpy results come back wrapped in ``Tensor``
    (recursively through tuples and lists). Any symbolic or ``GraphVariable``
    argument: the call is not run; the deferred graph node(s) are returned, with
    static shape and dtype inferred (a node runs the call through ``entry.run``;
    ``entry.prepare`` reads the arguments now and answers the call to run later).
    ``@entry.gradient("x", ...)`` registers the entry's gradient rule (``gradient_for``),
    ``@entry.static_result`` its static shape rule (``static_result_for``) where probing
    cannot infer the static shape.
    """
    if function is None:
        return functools.partial(op, mutates=mutates)
    position = None
    if mutates is not None:
        position = list(inspect.signature(function).parameters).index(mutates)

    def prepare(*args, **kwargs) -> Callable[[], Any]:
        # The arguments are read now (a variable's value too, except the one the entry assigns:
        # assign replaces a value, never writes into it); the call runs when the answer is called.
        kept = args[position] if position is not None and position < len(args) else kwargs.get(mutates or "")
        args, kwargs = map_leaves((args, kwargs), lambda leaf: _unwrap(leaf, kept))
        return lambda: _wrap(function(*args, **kwargs))

    def run(*args, **kwargs):
        return prepare(*args, **kwargs)()

    @functools.wraps(function)
    def dispatch(*args, **kwargs):
        if any(isinstance(leaf, (SymbolicTensor, GraphVariable)) for leaf in leaves((args, kwargs))):
            return _deferred(dispatch, args, kwargs)
        return run(*args, **kwargs)

    dispatch.run = run  # type: ignore[attr-defined]
    dispatch.prepare = prepare  # type: ignore[attr-defined]
    dispatch.gradient = functools.partial(gradient_for, dispatch)  # type: ignore[attr-defined]
    dispatch.static_result = functools.partial(static_result_for, dispatch)  # type: ignore[attr-defined]
    return cast(Op, dispatch)


def _unwrap(leaf: Any, kept: Any) -> Any:
    if isinstance(leaf, Tensor) and leaf is not kept:
        return np.asarray(leaf)
    return leaf


def _wrap(result: Any) -> Any:
    if isinstance(result, (np.ndarray, np.generic)):
        return Tensor(result)
    if isinstance(result, (tuple, list)):
        return type(result)(_wrap(item) for item in result)
    return result


def _deferred(compute: Callable, args: tuple, kwargs: dict) -> Any:
    """Graph node(s) for ``compute(*args, **kwargs)``; the result's structure,
    shape and dtype come from ``compute``'s static rule when it has one, else from
    running ``compute`` on stand-in values."""
    rule = getattr(compute, "static_rule", None)
    if rule is not None:
        bound = inspect.signature(compute).bind(*args, **kwargs)
        bound.apply_defaults()
        shape, dtype = rule(**bound.arguments)
        if dtype is not None:
            return SymbolicTensor(compute, args, kwargs, shape, np.dtype(dtype))
    node = SymbolicTensor(compute, args, kwargs, None, None)
    found = {id(leaf): leaf for leaf in node.graph_leaves()}.values()
    placeholders = [leaf for leaf in found if isinstance(leaf, Placeholder)]
    # Variables are probed through copies, so that probing an update op assigns nothing.
    copies = {leaf: Variable(np.asarray(leaf), leaf.name) for leaf in found if isinstance(leaf, Variable)}
    # The op's own symbolic inputs are stood in for from their static shapes, so the probe runs
    # this op alone: its shape follows from its inputs' static shapes, whatever upstream ops
    # would make of stand-in placeholders (a rule-inferred input may not survive that).
    direct = [leaf for leaf in node.inputs() if isinstance(leaf, SymbolicTensor) and leaf.shape is not None]
    has_unknown = any(t.shape is None or None in t.shape for t in [*placeholders, *direct])
    probes: list[Any] = []
    for size in _PROBE_SIZES if has_unknown else _PROBE_SIZES[:1]:
        feed: dict[Any, Any] = {**copies, **{p: p.probe_value(size) for p in placeholders}}
        cache = {id(t): value for t in direct if (value := t.probe_value(size)) is not None}
        try:
            with np.errstate(all="ignore"):
                probes.append(node.evaluate(feed, cache))
        except Exception:
            if not has_unknown:
                raise  # every shape is known: the error is real, raise it now as TF would
            return node  # a shape-dependent failure: leave the shape unknown; a real error shows at evaluation
    return _typed_nodes(node, probes, ())


def _typed_nodes(node: SymbolicTensor, probes: list, path: tuple) -> Any:
    """Mirror the probed result's structure: one typed node per array in it."""
    sample = select(probes[0], path)
    if isinstance(sample, (tuple, list)):
        return type(sample)(_typed_nodes(node, probes, path + (i,)) for i in range(len(sample)))
    if not isinstance(sample, (Tensor, np.ndarray, np.generic)):
        return sample  # a non-tensor result (a Python value): static
    shapes = [np.shape(select(probe, path)) for probe in probes]
    if len({len(shape) for shape in shapes}) > 1:
        shape = None
    else:
        shape = tuple(dims[0] if len(set(dims)) == 1 else None for dims in zip(*shapes))
    dtype = np.asarray(sample).dtype
    if not path:
        node.shape, node.dtype = shape, dtype
        return node
    return SymbolicTensor(select, (node,), {"path": path}, shape, dtype)


def _resolve(leaf: Any, feed: dict, cache: dict) -> Any:
    if isinstance(leaf, SymbolicTensor):
        return leaf.evaluate(feed, cache)
    if isinstance(leaf, Variable):
        return feed.get(leaf, leaf)
    return leaf


def select(value: Any, path: tuple) -> Any:
    """The item of the nested tuples/lists ``value`` at ``path`` (a graph node's
    compute for one result of an op with several)."""
    for index in path:
        value = value[index]
    return value


@gradient_for(select, "value")
def _select_gradient(cotangent, result, value, path):
    """The cotangent placed at ``path`` of ``value``'s structure, None elsewhere."""
    def place(item: Any, rest: tuple) -> Any:
        if not rest:
            return cotangent
        return type(item)(place(part, rest[1:]) if i == rest[0] else None for i, part in enumerate(item))
    return {"value": place(value, path)}


def leaves(structure: Any) -> Iterator[Any]:
    """The leaves of nested lists, tuples and dicts (anything else is a leaf), in order."""
    if isinstance(structure, (list, tuple)):
        for item in structure:
            yield from leaves(item)
    elif isinstance(structure, dict):
        for item in structure.values():
            yield from leaves(item)
    else:
        yield structure


def map_leaves(structure: Any, function: Callable) -> Any:
    """``structure`` with every leaf replaced by ``function(leaf)``, its lists, tuples and dicts kept."""
    if isinstance(structure, (list, tuple)):
        return type(structure)(map_leaves(item, function) for item in structure)
    if isinstance(structure, dict):
        return {key: map_leaves(item, function) for key, item in structure.items()}
    return function(structure)


_name_counter = itertools.count(1)


def unique_name(prefix: str) -> str:
    """A process-unique default name such as ``'Variable_3'``."""
    return f"{prefix}_{next(_name_counter)}"


def weak_scalars(x: Any, y: Any) -> tuple[Any, Any]:
    """``x`` and ``y`` for a binary numpy function, a Python number among them
    converted to the other operand's dtype when that dtype can hold it (an int
    meeting an integer or float tensor, a float meeting a float tensor).

    TensorFlow converts a Python number to the tensor's dtype (float32 * 2 is
    float32). numpy 2 does the same (NEP 50); numpy 1 only for arrays of rank
    one or more, so without this a rank-0 float32 tensor times 2 would be float64.
    """
    def convert(number: Any, other: Any) -> Any:
        if not isinstance(number, (int, float)) or isinstance(number, bool) or isinstance(other, (int, float)):
            return number
        dtype = np.asarray(other).dtype
        if dtype.kind == "f" or (dtype.kind in "iu" and isinstance(number, int)):
            return np.asarray(number, dtype)
        return number
    return convert(x, y), convert(y, x)


def wide(x: Any) -> Any:
    """``x`` as float64 when it is a float array or number (gradient rules compute in
    float64, from the values the forward pass computed with); other values unchanged."""
    return np.asarray(x, np.float64) if np.asarray(x).dtype.kind == "f" else x


@op
def _add(x, y): return np.add(*weak_scalars(x, y))
@op
def _subtract(x, y): return np.subtract(*weak_scalars(x, y))
@op
def _multiply(x, y): return np.multiply(*weak_scalars(x, y))
@op
def _divide(x, y): return np.true_divide(*weak_scalars(x, y))
@op
def _power(x, y): return np.power(*weak_scalars(x, y))
@op
def _negative(x): return np.negative(x)
@op
def _getitem(x, key): return np.asarray(x)[key]


for _operator in (_add, _subtract, _multiply, _divide, _power):
    _operator.static_result(broadcasting_rule(_operator))


# The operators' gradient rules. Cotangents may keep the broadcast shape: the walk sums them back.
@_add.gradient("x", "y")
def _add_gradient(cotangent, result, x, y):
    return {"x": cotangent, "y": cotangent}


@_subtract.gradient("x", "y")
def _subtract_gradient(cotangent, result, x, y):
    return {"x": cotangent, "y": -cotangent}


@_multiply.gradient("x", "y")
def _multiply_gradient(cotangent, result, x, y):
    return {"x": cotangent * wide(y), "y": cotangent * wide(x)}


@_divide.gradient("x", "y")
def _divide_gradient(cotangent, result, x, y):
    with np.errstate(all="ignore"):  # division by 0 gives infinities, as the forward does
        return {"x": cotangent / wide(y), "y": -cotangent * wide(x) / np.square(wide(y))}


def power_gradient(cotangent: Any, x: Any, exponent: Any) -> dict:
    """``x ** exponent``'s cotangents, keys ``"x"`` and ``"exponent"``, as TensorFlow's
    PowGrad: ``exponent * x ** (exponent - 1)`` (so ``0 ** 0`` has gradient NaN
    and ``0 ** 0.5`` infinity), and ``x ** exponent * log(x)`` where ``x > 0``, else 0."""
    x64, a64 = wide(x), wide(exponent)
    with np.errstate(all="ignore"):
        power = np.power(x64, a64)
        log_x = np.where(x64 > 0, np.log(np.where(x64 > 0, x64, 1.0)), 0.0)
        return {"x": cotangent * a64 * np.power(x64, a64 - 1), "exponent": cotangent * power * log_x}


@_power.gradient("x", "y")
def _power_gradient(cotangent, result, x, y):
    partials = power_gradient(cotangent, x, y)
    return {"x": partials["x"], "y": partials["exponent"]}


@_negative.gradient("x")
def _negative_gradient(cotangent, result, x):
    return {"x": -cotangent}


@_getitem.gradient("x")
def _getitem_gradient(cotangent, result, x, key):
    """The cotangent scattered back to the indexed cells; repeated indices add up."""
    gradient = np.zeros(np.shape(x), np.float64)
    np.add.at(gradient, key, cotangent)
    return {"x": gradient}
