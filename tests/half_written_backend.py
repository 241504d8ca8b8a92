"""A backend in its first hour, as a backend author writes one: the configuration, the three entries
Keras 2's loader requires, ``eval``, ``constant`` and a few elementwise operations. Its tensors
have no Python operators (the suite's checks use ``+``, ``-``, ``*``, ``/`` on them), ``sqrt`` is
wrong on purpose and ``log`` raises: the first report must show those findings first, then what to
implement next (tests/test_plugin.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

_CONFIG = {"floatx": "float32", "epsilon": 1e-7, "image_data_format": "channels_last"}


def floatx() -> str:
    return str(_CONFIG["floatx"])


def set_floatx(value: str) -> None:
    _CONFIG["floatx"] = str(value)


def epsilon() -> float:
    return float(_CONFIG["epsilon"])


def set_epsilon(value: float) -> None:
    _CONFIG["epsilon"] = float(value)


def image_data_format() -> str:
    return str(_CONFIG["image_data_format"])


def set_image_data_format(value: str) -> None:
    _CONFIG["image_data_format"] = str(value)


class Tensor:
    """A node of a deferred graph: ``compute(feed)`` gives its value, ``feed`` mapping placeholders to arrays."""

    def __init__(self, compute: Callable[[dict], np.ndarray], shape: tuple | None, dtype: str):
        self.compute, self.shape, self.dtype = compute, shape, dtype


class Placeholder(Tensor):
    def __init__(self, shape: tuple | None, dtype: str):
        super().__init__(lambda feed: feed[self], shape, dtype)


class Variable(Tensor):
    def __init__(self, value: np.ndarray):
        self.value = value
        super().__init__(lambda feed: self.value, value.shape, str(value.dtype))


def placeholder(shape: Sequence[int | None] | None = None, ndim: int | None = None, dtype: str | None = None,
                sparse: bool = False, name: str | None = None) -> Placeholder:
    if shape is None and ndim is not None:
        shape = (None,) * ndim
    return Placeholder(None if shape is None else tuple(shape), dtype or floatx())


def variable(value: Any, dtype: str | None = None, name: str | None = None, constraint: Any = None) -> Variable:
    return Variable(np.array(value, dtype=dtype or floatx()))


def constant(value: Any, dtype: str | None = None, shape: Sequence[int] | None = None,
             name: str | None = None) -> Tensor:
    array = np.array(value, dtype=dtype or floatx())
    if shape is not None:
        array = np.broadcast_to(array, tuple(shape)).copy()
    return Tensor(lambda feed: array, array.shape, str(array.dtype))


def eval(x: Tensor) -> np.ndarray:  # noqa: A001 - the Keras 2 name
    return np.asarray(x.compute({}))


def function(inputs: Sequence[Placeholder], outputs: Sequence[Tensor], updates: Any = None,
             **kwargs: Any) -> Callable[[Sequence[Any]], list[np.ndarray]]:
    def run(values: Sequence[Any]) -> list[np.ndarray]:
        feed = {x: np.asarray(v, dtype=x.dtype) for x, v in zip(inputs, values)}
        return [np.asarray(y.compute(feed)) for y in outputs]
    return run


def _elementwise(operation: Callable[[np.ndarray], np.ndarray]) -> Callable[[Tensor], Tensor]:
    def apply(x: Tensor) -> Tensor:
        return Tensor(lambda feed: operation(x.compute(feed)), x.shape, x.dtype)
    return apply


abs = _elementwise(np.abs)  # noqa: A001
exp = _elementwise(np.exp)
sqrt = _elementwise(lambda x: x ** 0.25)  # wrong on purpose: a mismatch the report must show first


def log(x: Tensor) -> Tensor:
    raise NotImplementedError("log is not written yet")  # an error the report must show first
