"""Reductions over axes.

Sums, means, variances and running sums draw values on a grid of halves
(``small_grid``): every partial sum of up to 256 of them is exact even in
float16, so any summation order gives the reference's answer and the default
tolerance judges only the final rounding. Products draw powers of two, 0 and
+-1.5 in at most ``PRODUCT_MAX_SIZE`` elements, so no order can overflow.
Arrays with NaN and infinities come up too: their effect on a sum or product
(NaN, or an infinity) does not depend on the order either. Subnormal numbers
are left out (see ``inputs``).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from hypothesis import strategies as st

from ..calls import Call, call
from ..inputs import arrays, axes, extreme_floats, floats, shapes, small_grid
from .records import Entry, Example

CATEGORY = "reductions"

NAN, INF = float("nan"), float("inf")

# 2 ** 15 is the largest power of two float16 holds: a product of at most 15
# factors of magnitude <= 2 stays finite whatever the order of multiplication.
PRODUCT_MAX_SIZE = 15
PRODUCT_FACTORS = (0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 1.5, -1.5)
SPECIALS = (NAN, INF, -INF)

ArraysFor = Callable[[str], st.SearchStrategy[np.ndarray]]


def _floats_anywhere(floatx: str) -> st.SearchStrategy[np.ndarray]:
    return arrays(floatx, elements=floats(floatx) | extreme_floats(floatx))


def _grid(floatx: str, shape: st.SearchStrategy | None = None) -> st.SearchStrategy[np.ndarray]:
    """Grid arrays, now and then with NaN or infinities among the values."""
    return st.one_of(arrays(floatx, shape, elements=small_grid(floatx)),
                     arrays(floatx, shape, elements=small_grid(floatx) | st.sampled_from(SPECIALS)))


def _small(shape: st.SearchStrategy | None = None) -> st.SearchStrategy[tuple[int, ...]]:
    """``shape`` (default ``shapes()``) with at most ``PRODUCT_MAX_SIZE`` elements."""
    return (shapes() if shape is None else shape).filter(lambda s: math.prod(s) <= PRODUCT_MAX_SIZE)


def _products(floatx: str, shape: st.SearchStrategy | None = None) -> st.SearchStrategy[np.ndarray]:
    shape = _small() if shape is None else shape
    return st.one_of(arrays(floatx, shape, elements=st.sampled_from(PRODUCT_FACTORS)),
                     arrays(floatx, shape, elements=st.sampled_from(PRODUCT_FACTORS + SPECIALS)))


def _ints(floatx: str) -> st.SearchStrategy[np.ndarray]:
    return arrays("int32")


def _small_ints(floatx: str) -> st.SearchStrategy[np.ndarray]:
    return arrays("int32", _small(), elements=st.integers(-3, 3))


def _bools(floatx: str) -> st.SearchStrategy[np.ndarray]:
    return arrays("bool")


def reduction(*kinds: ArraysFor) -> Callable[[str], st.SearchStrategy[Call]]:
    """Calls ``f(x, [axis=...], [keepdims=...])``, ``x`` from any of ``kinds``;
    ``axis`` omitted, None, an int (negative too) or a list; ``keepdims``
    omitted, True or False."""
    def draw(floatx: str) -> st.SearchStrategy[Call]:
        def options(x: np.ndarray) -> st.SearchStrategy[Call]:
            optional = {"axis": axes(x.ndim), "keepdims": st.booleans()}
            return st.fixed_dictionaries({}, optional=optional).map(lambda kwargs: Call((x,), kwargs))
        return st.one_of(*[kind(floatx) for kind in kinds]).flatmap(options)
    return draw


ShapedArraysFor = Callable[[str, st.SearchStrategy], st.SearchStrategy[np.ndarray]]


def along_axis(*kinds: ShapedArraysFor, empty: bool = False) -> Callable[[str], st.SearchStrategy[Call]]:
    """Calls ``f(x)``, ``f(x, axis)`` or ``f(x, axis=axis)`` with an int
    ``axis`` (negative too), ``x`` of rank >= 1 from any of ``kinds`` (given
    floatx and a strategy of shapes); empty dimensions only if ``empty``
    (argmax of nothing is an error)."""
    def draw(floatx: str) -> st.SearchStrategy[Call]:
        def options(x: np.ndarray) -> st.SearchStrategy[Call]:
            axes_ = list(range(-x.ndim, x.ndim))
            return st.sampled_from([call(x)] + [call(x, a) for a in axes_] + [call(x, axis=a) for a in axes_])
        shape = shapes(min_dims=1, min_side=0 if empty else 1)
        return st.one_of(*[kind(floatx, shape) for kind in kinds]).flatmap(options)
    return draw


def _ties(floatx: str, shape: st.SearchStrategy) -> st.SearchStrategy[np.ndarray]:
    # Finite values (NaN's position is not part of argmax's contract), ties frequent.
    return arrays(floatx, shape, elements=floats(floatx, finite=True) | small_grid(floatx, bound=1))


def _int_ties(floatx: str, shape: st.SearchStrategy) -> st.SearchStrategy[np.ndarray]:
    return arrays("int32", shape, elements=st.integers(-2, 2))


def _running_sums(floatx: str, shape: st.SearchStrategy) -> st.SearchStrategy[np.ndarray]:
    return st.one_of(_grid(floatx, shape), arrays("int32", shape))


def _running_products(floatx: str, shape: st.SearchStrategy) -> st.SearchStrategy[np.ndarray]:
    small = _small(shape)
    return st.one_of(_products(floatx, small), arrays("int32", small, elements=st.integers(-3, 3)))


M = np.array([[1.0, 5.0], [3.0, 2.0]])  # a small matrix the examples share
EMPTY = np.zeros((0, 2))


ENTRIES: tuple[Entry, ...] = (
    Entry("max", "x, axis=None, keepdims=False", calls=reduction(_floats_anywhere, _ints), examples=(
        Example(call(M, axis=1, keepdims=True), np.array([[5.0], [3.0]]), why="keepdims keeps the axis"),
        Example(call(np.array([1.0, NAN, 3.0])), np.array(NAN), why="NaN wins"),
        Example(call(EMPTY, 0), np.array([-INF, -INF]), why="an empty reduction is -inf"),
    )),
    Entry("min", "x, axis=None, keepdims=False", calls=reduction(_floats_anywhere, _ints), examples=(
        Example(call(M, axis=-1), np.array([1.0, 2.0]), why="a negative axis"),
        Example(call(np.array([1.0, NAN, -3.0])), np.array(NAN), why="NaN wins"),
        Example(call(EMPTY, 0), np.array([INF, INF]), why="an empty reduction is inf"),
    )),
    Entry("sum", "x, axis=None, keepdims=False", calls=reduction(_grid, _ints), examples=(
        Example(call(M), np.array(11.0), why="axis None: every axis"),
        Example(call(M, [0, 1], True), np.array([[11.0]]), why="a list of axes, kept"),
        Example(call(np.array([[1, 2], [3, 4]], dtype="int32"), 0), np.array([4, 6], dtype="int32"),
                why="integers stay int32"),
        Example(call(EMPTY, 0), np.array([0.0, 0.0]), why="an empty sum is 0"),
    )),
    Entry("prod", "x, axis=None, keepdims=False", calls=reduction(_products, _small_ints), examples=(
        Example(call(M, 0), np.array([3.0, 10.0])),
        Example(call(np.array([[2, 3], [4, 5]], dtype="int32"), -1, True), np.array([[6], [20]], dtype="int32"),
                why="integers stay int32"),
        Example(call(EMPTY, 0), np.array([1.0, 1.0]), why="an empty product is 1"),
    )),
    # mean, var and std compute bool input in floatx().
    Entry("mean", "x, axis=None, keepdims=False", calls=reduction(_grid, _ints, _bools), reads=("floatx",), examples=(
        Example(call(M, -1), np.array([3.0, 2.5])),
        Example(call(np.array([-1, -2, 2, 3], dtype="int32").reshape(2, 2), 1), np.array([-1, 2], dtype="int32"),
                why="an integer mean is an integer, truncated toward zero"),
        Example(call(np.array([True, False, False])), np.array(1.0 / 3.0),
                why="bool input is cast to floatx first"),
        Example(call(EMPTY, 0), np.array([NAN, NAN]), why="an empty mean is NaN"),
    )),
    Entry("var", "x, axis=None, keepdims=False", calls=reduction(_grid, _bools), reads=("floatx",), examples=(
        Example(call(np.array([1.0, 2.0, 3.0, 4.0])), np.array(1.25),
                why="population variance (divide by n): the sample variance would be 1.667"),
        Example(call(M, 0, True), np.array([[1.0, 2.25]])),
        Example(call(np.array([True, False])), np.array(0.25), why="bool input is cast to floatx first"),
    )),
    Entry("std", "x, axis=None, keepdims=False", calls=reduction(_grid, _bools), reads=("floatx",), examples=(
        Example(call(np.array([1.0, 2.0, 3.0, 4.0])), np.array(math.sqrt(1.25)),
                why="population standard deviation (divide by n)"),
        Example(call(M, 1), np.array([2.0, 0.5])),
        Example(call(np.array([[True, False], [True, True]])), np.array(math.sqrt(3.0) / 4.0),
                why="bool input is cast to floatx first"),
    )),
    Entry("any", "x, axis=None, keepdims=False", calls=reduction(_floats_anywhere, _ints, _bools), examples=(
        Example(call(np.array([[0.0, -0.0], [0.0, NAN]]), 1), np.array([False, True]),
                why="signed zeros are False, NaN is True; bool result"),
        Example(call(np.zeros((2, 0)), -1, True), np.array([[False], [False]]), why="an empty any is False"),
    )),
    Entry("all", "x, axis=None, keepdims=False", calls=reduction(_floats_anywhere, _ints, _bools), examples=(
        Example(call(np.array([[1e-4, NAN], [-2.0, 0.0]]), 1), np.array([True, False]),
                why="tiny values and NaN are True, zero False; bool result"),
        Example(call(np.array([[INF, 0.0], [INF, -INF]]), -1), np.array([False, True]),
                why="each element is cast to bool, not multiplied: 0 * inf would be NaN"),
        Example(call(np.zeros((2, 0)), -1, True), np.array([[True], [True]]), why="an empty all is True"),
    )),
    Entry("argmax", "x, axis=-1", calls=along_axis(_ties, _int_ties), examples=(
        Example(call(np.array([[1.0, 3.0, 3.0], [2.0, 2.0, 1.0]])), np.array([1, 0], dtype="int64"),
                why="the last axis by default; ties give the first index; int64"),
        Example(call(np.array([[1.0, 3.0, 3.0], [2.0, 2.0, 1.0]]), 0), np.array([1, 0, 0], dtype="int64")),
    )),
    Entry("argmin", "x, axis=-1", calls=along_axis(_ties, _int_ties), examples=(
        Example(call(np.array([[1.0, 3.0, 1.0], [2.0, 2.0, 1.0]])), np.array([0, 2], dtype="int64"),
                why="the last axis by default; ties give the first index; int64"),
        Example(call(np.array([[1.0, 3.0, 1.0], [2.0, 2.0, 1.0]]), 0), np.array([0, 1, 0], dtype="int64")),
    )),
    Entry("cumsum", "x, axis=0", calls=along_axis(_running_sums, empty=True), examples=(
        Example(call(np.array([[1.0, 2.0], [3.0, 4.0]])), np.array([[1.0, 2.0], [4.0, 6.0]]),
                why="the first axis by default"),
        Example(call(np.array([[1.0, 2.0], [3.0, 4.0]]), -1), np.array([[1.0, 3.0], [3.0, 7.0]])),
    )),
    Entry("cumprod", "x, axis=0", calls=along_axis(_running_products, empty=True), examples=(
        Example(call(np.array([[1.0, 2.0], [3.0, 4.0]])), np.array([[1.0, 2.0], [3.0, 8.0]]),
                why="the first axis by default"),
        Example(call(np.array([[1.0, 2.0], [3.0, 4.0]]), 1), np.array([[1.0, 2.0], [3.0, 12.0]])),
    )),
    Entry("logsumexp", "x, axis=None, keepdims=False", availability="classic",
          calls=reduction(_floats_anywhere), examples=(
              Example(call(np.array([1e4, 1e-4])), np.array(1e4),
                      why="stable: shifted by the maximum, so exp(1e4) never overflows"),
              Example(call(np.array([[0.0, 0.0], [1.0, 1.0]]), 1, True),
                      np.array([[math.log(2.0)], [1.0 + math.log(2.0)]])),
              Example(call(np.array([[INF, 1.0], [-INF, -INF]]), -1), np.array([INF, -INF]),
                      why="an infinite maximum is not shifted by"),
              Example(call(EMPTY, 0), np.array([-INF, -INF]), why="an empty reduction is -inf"),
          )),
)
