"""Variables and tensors: creating them, reading and writing values, introspection.

Dtypes follow tf_keras: ``dtype=None`` means ``floatx()`` for every creator
(integer input included), and the ``*_like`` creators keep the dtype of their
argument.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from .config import floatx
from .dispatch import SymbolicTensor, Tensor, TensorBase, Variable, no_gradient, op, unique_name

__all__ = [
    "variable", "constant", "is_variable", "is_tensor", "is_sparse", "to_dense",
    "eval", "get_value", "batch_get_value", "set_value", "batch_set_value",
    "update", "update_add", "update_sub",
    "shape", "int_shape", "ndim", "dtype", "count_params", "get_variable_shape",
    "zeros", "ones", "eye", "zeros_like", "ones_like", "identity", "cast",
]


def _dtype(dtype: Any) -> np.dtype:
    """``dtype`` as a numpy dtype; ``None`` means ``floatx()``. Unknown names raise ``TypeError``."""
    try:
        return np.dtype(floatx() if dtype is None else dtype)
    except TypeError:
        raise TypeError(f"Unknown dtype: {dtype!r}") from None


def variable(value: Any, dtype: str | None = None, name: str | None = None,
             constraint: Any = None) -> Variable:
    """A variable holding ``value`` cast to ``dtype`` (default ``floatx()``, even for
    integer values). Unknown dtype names raise ``TypeError``."""
    return Variable(np.asarray(value, dtype=_dtype(dtype)), name=name or unique_name("Variable"),
                    constraint=constraint)


def constant(value: Any, dtype: str | None = None, shape: Sequence[int] | None = None,
             name: str | None = None) -> Tensor:
    """An immutable tensor of ``value`` cast to ``dtype`` (default ``floatx()``).

    With ``shape``: a scalar ``value`` fills it; a value with as many elements
    is reshaped to it; anything else raises ``ValueError``.
    """
    array = np.asarray(value, dtype=_dtype(dtype))
    if shape is not None:
        shape = tuple(shape)
        if array.size == 1:
            array = np.full(shape, array.reshape(()), dtype=array.dtype)
        elif array.size == int(np.prod(shape)):
            array = array.reshape(shape)
        else:
            raise ValueError(f"constant: cannot give a value of shape {array.shape} the shape {shape}")
    return Tensor(array, name=name)


def is_variable(x: Any) -> bool:
    """Whether ``x`` is a variable."""
    return isinstance(x, Variable)


def is_tensor(x: Any) -> bool:
    """Whether ``x`` is a backend tensor (variables and placeholders included);
    numpy arrays and Python numbers are not."""
    return isinstance(x, TensorBase)


def is_sparse(tensor: Any) -> bool:
    """Always ``False``: the reference has no sparse tensors."""
    return False


def to_dense(tensor: Any) -> Any:
    """``tensor`` unchanged (no sparse tensors in the reference)."""
    return tensor


def eval(x: Any) -> np.ndarray:
    """The value of ``x`` as a numpy array (a copy). Non-tensors pass through
    ``np.asarray``; a graph node is computed when it depends on no placeholder
    (a tensor that does raises ``ValueError``: evaluate it with ``function``)."""
    if isinstance(x, SymbolicTensor):
        names = sorted({str(p.name) for p in x.placeholders()})
        if names:
            raise ValueError(f"cannot eval a tensor that depends on placeholders {names}; use function()")
        return np.array(x.evaluate({}, {}))
    if isinstance(x, Tensor):
        return x.numpy()
    return np.asarray(x)


def get_value(x: Any) -> Any:
    """The value of a tensor or variable as a numpy array; other objects are returned unchanged."""
    return eval(x) if isinstance(x, TensorBase) else x


def batch_get_value(tensors: Iterable[Any]) -> list:
    """``[get_value(t) for t in tensors]``."""
    return [get_value(t) for t in tensors]


def set_value(x: Variable, value: Any) -> None:
    """Assign ``value`` (cast to ``x``'s dtype) to variable ``x``; a value of
    another shape raises ``ValueError``."""
    _require_variable(x, "set_value").assign(value)


def batch_set_value(tuples: Iterable[tuple[Variable, Any]]) -> None:
    """``set_value(x, value)`` for each ``(x, value)`` pair."""
    for x, value in tuples:
        set_value(x, value)


def _require_variable(x: Any, entry: str) -> Variable:
    if not isinstance(x, Variable):
        raise TypeError(f"{entry} needs a variable, got {type(x).__name__}")
    return x


@op(mutates="x")
def update(x, new_x):
    """Assign ``new_x`` to variable ``x``; returns ``x``. Deferred when ``new_x`` is symbolic."""
    _require_variable(x, "update").assign(new_x)
    return x


@op(mutates="x")
def update_add(x, increment):
    """``x += increment`` on variable ``x``; returns ``x``."""
    _require_variable(x, "update_add").assign(np.asarray(x) + increment)
    return x


@op(mutates="x")
def update_sub(x, decrement):
    """``x -= decrement`` on variable ``x``; returns ``x``."""
    _require_variable(x, "update_sub").assign(np.asarray(x) - decrement)
    return x


@op
def shape(x):
    """The shape of ``x`` as a 1-D int32 tensor (known at evaluation, for placeholders)."""
    return np.asarray(np.shape(x), dtype="int32")


def int_shape(x: Any) -> tuple | None:
    """The static shape of ``x`` as a tuple of ints, ``None`` for unknown dimensions;
    ``None`` when the rank is unknown. Numpy arrays give their shape."""
    shape_ = x.shape
    return None if shape_ is None else tuple(shape_)


def get_variable_shape(x: Any) -> tuple | None:
    """Classic Keras: ``int_shape(x)`` under its older name (absent from tf_keras)."""
    return int_shape(x)


def ndim(x: Any) -> int | None:
    """The rank of ``x`` (``None`` when unknown)."""
    shape_ = int_shape(x)
    return None if shape_ is None else len(shape_)


def dtype(x: Any) -> str:
    """The dtype of ``x`` as a string such as ``'float32'``; ``ValueError`` when
    a graph node's dtype could not be inferred."""
    if x.dtype is None:
        raise ValueError(f"the dtype of {x!r} is unknown until it is evaluated")
    return np.dtype(x.dtype).name


def count_params(x: Any) -> int:
    """The number of elements of ``x`` (static shape only); 1 for a scalar."""
    shape = int_shape(x)
    if shape is None:
        raise ValueError(f"count_params needs a static shape; {x!r} has an unknown rank")
    return int(np.prod(shape, dtype=np.int64))


def zeros(shape: Sequence[int], dtype: str | None = None, name: str | None = None) -> Variable:
    """A variable of zeros of ``shape`` and ``dtype`` (default ``floatx()``)."""
    return variable(np.zeros(shape), dtype=dtype, name=name)


def ones(shape: Sequence[int], dtype: str | None = None, name: str | None = None) -> Variable:
    """A variable of ones of ``shape`` and ``dtype`` (default ``floatx()``)."""
    return variable(np.ones(shape), dtype=dtype, name=name)


def eye(size: int | tuple[int, int], dtype: str | None = None, name: str | None = None) -> Variable:
    """A variable holding the identity matrix of ``size`` rows (``(rows, columns)``
    is also accepted, as classic Keras does)."""
    rows, columns = (size[0], size[1]) if isinstance(size, (tuple, list)) else (size, size)
    return variable(np.eye(rows, columns), dtype=dtype, name=name)


@op
def zeros_like(x, dtype=None, name=None):
    """Zeros of ``x``'s shape, in ``dtype`` (default: ``x``'s dtype, as tf_keras;
    classic Keras 2.3 defaulted to ``floatx()``)."""
    return np.zeros_like(x, dtype=x.dtype if dtype is None else _dtype(dtype))


@op
def ones_like(x, dtype=None, name=None):
    """Ones of ``x``'s shape, in ``dtype`` (default: ``x``'s dtype)."""
    return np.ones_like(x, dtype=x.dtype if dtype is None else _dtype(dtype))


no_gradient(zeros_like, ones_like)  # their values do not depend on x's (TensorFlow: not differentiable)


@op
def identity(x, name=None):
    """A tensor with the value of ``x`` (a copy: later changes to a variable do not show)."""
    return np.array(x)


@identity.gradient("x")
def _identity_gradient(cotangent, result, x, name):
    """The cotangent unchanged."""
    return {"x": cotangent}


@op
def cast(x, dtype):
    """``x`` converted to ``dtype``: floats to integers truncate toward zero, booleans give 0/1."""
    return np.asarray(x).astype(_dtype(dtype))


@cast.gradient("x")
def _cast_gradient(cotangent, result, x, dtype):
    """The cotangent unchanged between float types (TensorFlow's CastGrad); a cast from or to
    an integer or bool type passes no gradient (only float tensors carry one)."""
    return {"x": cotangent}
