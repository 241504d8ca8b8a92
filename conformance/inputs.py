"""Hypothesis strategies for the inputs of checks and catalogue records.

Pure data: nothing here touches a backend, so the catalogue's records can
use these strategies at import time. Floats lean on the values where
implementations differ: signed zeros, ties at .5, +-1, large and tiny magnitudes.

No strategy here draws a subnormal number. TensorFlow on CPU, tf_keras' engine,
runs with denormals-are-zero (``sign(1e-45)`` is 0 there, ``greater(0, -1e-45)``
False, and a probability of 1e-308 makes 0 / 0 in a normalisation); the Keras
contract is silent on subnormals, so inputs stay normal or zero.

The builders are cached by their arguments (``functools.cache``; arguments equal
in Python share a strategy, so a bound of -0.0 is one of 0.0): a strategy is
immutable, and hypothesis validates each new strategy object, its whole tree, on
its first draw. Records build their arrays' strategies inside ``flatmap``, once
per drawn shape, so without the cache every example paid that validation again.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Literal, cast

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as npst

from .calls import Call

# Values worth drawing more often than uniform sampling would: zeros of both
# signs, rounding ties, the edges of probabilities and activations.
EDGE_VALUES = (0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 1.5, -1.5, 2.5, -2.5, 3.0, 6.0, 1e-4, -1e-4)


@functools.cache
def shapes(min_dims: int = 0, max_dims: int = 4, min_side: int = 0, max_side: int = 4) -> st.SearchStrategy:
    """Array shapes, size-1 and empty dimensions included by default."""
    return npst.array_shapes(min_dims=min_dims, max_dims=max_dims, min_side=min_side, max_side=max_side)


def float_width(dtype: Any) -> Literal[16, 32, 64]:
    """The bit width of a float dtype, as hypothesis' ``floats`` takes it."""
    return cast(Literal[16, 32, 64], np.dtype(dtype).itemsize * 8)


def held_as(dtype: str, values: Any) -> list[float]:
    """``values`` as ``dtype`` holds them (1e-4 is not exact in float32): a
    strategy must not offer an element that changes when stored, hypothesis refuses it."""
    return [float(np.asarray(v, dtype)) for v in values]


@functools.cache
def floats(dtype: str, min_value: float | None = None, max_value: float | None = None,
           finite: bool = True) -> st.SearchStrategy[float]:
    """Floats representable in ``dtype``, within ``[min_value, max_value]``,
    edge values (``EDGE_VALUES``) drawn often; NaN and infinities unless ``finite``."""
    width = float_width(dtype)
    low = -np.finfo(dtype).max if min_value is None else min_value
    high = np.finfo(dtype).max if max_value is None else max_value
    edges = held_as(dtype, [v for v in EDGE_VALUES if low <= v <= high])
    anywhere = st.floats(min_value, max_value, width=width, allow_nan=not finite, allow_subnormal=False,
                         allow_infinity=not finite and min_value is None and max_value is None)
    return st.sampled_from(edges) | anywhere if edges else anywhere


def arrays(dtype: str, shape: Any = None, finite: bool = False, elements: st.SearchStrategy | None = None
           ) -> st.SearchStrategy[np.ndarray]:
    """Arrays of ``dtype`` (any float type, or an integer or bool dtype) and
    ``shape`` (a shape or a strategy of shapes; default ``shapes()``); floats
    include NaN and infinities unless ``finite``; ``elements`` overrides the values."""
    return _arrays(dtype, tuple(shape) if isinstance(shape, list) else shape, finite, elements)


@functools.cache
def _arrays(dtype: str, shape: Any, finite: bool, elements: st.SearchStrategy | None) -> st.SearchStrategy[np.ndarray]:
    shape = shapes() if shape is None else shape
    if isinstance(shape, st.SearchStrategy):
        # As hypothesis' arrays does with a strategy of shapes, but through this cache: its own
        # recursion builds (and validates) a new strategy for every shape it draws.
        return shape.flatmap(lambda drawn: _arrays(dtype, drawn, finite, elements))
    kind = np.dtype(dtype).kind
    if elements is None:
        if kind == "f":
            elements = st.floats(width=float_width(dtype), allow_nan=not finite, allow_infinity=not finite,
                                 allow_subnormal=False)
        elif kind == "b":
            elements = st.booleans()
        else:
            info = np.iinfo(dtype)
            elements = st.integers(max(info.min, -1000), min(info.max, 1000))
    return npst.arrays(np.dtype(dtype), shape, elements=elements)


@functools.cache
def axes(ndim: int, allow_none: bool = True, allow_list: bool = True) -> st.SearchStrategy:
    """An ``axis`` argument for an array of rank ``ndim``: None (every axis), an
    int in ``[-ndim, ndim)`` (negative included), or a list of distinct axes."""
    options: list[st.SearchStrategy[Any]] = []
    if allow_none:
        options.append(st.none())
    if ndim:
        options.append(st.integers(-ndim, ndim - 1))
        if allow_list:
            options.append(st.lists(st.integers(0, ndim - 1), min_size=1, max_size=ndim, unique=True))
    return st.one_of(options) if options else st.none()


def unary(elements: Callable[[str], st.SearchStrategy] = floats, shape: Any = None,
          **kwargs: Any) -> Callable[[str], st.SearchStrategy[Call]]:
    """Calls ``f(x)`` with ``x`` in floatx, elements from ``elements(floatx)``;
    ``kwargs`` are fixed keyword arguments of every call."""
    def draw(floatx: str) -> st.SearchStrategy[Call]:
        return arrays(floatx, shape, elements=elements(floatx)).map(lambda x: Call((x,), dict(kwargs)))
    return draw


def binary(elements: Callable[[str], st.SearchStrategy] = floats) -> Callable[[str], st.SearchStrategy[Call]]:
    """Calls ``f(x, y)`` with ``x`` and ``y`` in floatx of mutually broadcastable shapes."""
    def draw(floatx: str) -> st.SearchStrategy[Call]:
        pairs = npst.mutually_broadcastable_shapes(num_shapes=2, min_dims=0, max_dims=3, max_side=3)
        return pairs.flatmap(lambda shapes_: st.tuples(
            *[arrays(floatx, s, elements=elements(floatx)) for s in shapes_.input_shapes])).map(
            lambda xy: Call(tuple(xy)))
    return draw


# --- Activations and losses ---

@functools.cache
def probabilities(dtype: str) -> st.SearchStrategy[float]:
    """Values in [0, 1], exact 0 and 1 (where clipping matters) and 0.5 drawn often."""
    return st.sampled_from([0.0, 1.0, 0.5]) | st.floats(0.0, 1.0, width=float_width(dtype), allow_subnormal=False)


@functools.cache
def logits(dtype: str) -> st.SearchStrategy[float]:
    """Finite logits up to +-1e4 (far past where exp overflows float16 and float32),
    with the usual edge values; every value and every sum of two is representable in ``dtype``."""
    return floats(dtype, -1e4, 1e4)


@functools.cache
def small_grid(dtype: str, bound: int = 3) -> st.SearchStrategy[float]:
    """Multiples of 0.5 in ``[-bound, bound]``: exact in every float type, with ties
    and zeros frequent; for formulas whose rounding grows with the values' magnitude."""
    return st.integers(-2 * bound, 2 * bound).map(lambda n: n / 2)


# --- Element-wise math and reductions ---

@functools.cache
def extreme_floats(dtype: str) -> st.SearchStrategy[float]:
    """The largest finite magnitudes of ``dtype`` and the smallest normal ones,
    both signs: where squaring, exponentials and products overflow or underflow."""
    info = np.finfo(dtype)
    return st.sampled_from([float(v) for v in (info.max, -info.max, info.tiny, -info.tiny)])
