"""Element-wise math and comparisons.

Inputs include NaN and infinities (``_any_float``): where an implementation
mishandles them (a comparison written as ``not less``, a minimum written with
``where``, a "safe" log) is where backends differ. Subnormal numbers are left
out (see ``inputs``).
"""

from __future__ import annotations

import math

import numpy as np
from hypothesis import strategies as st

from ..calls import Call, call
from ..inputs import arrays, binary, extreme_floats, floats, unary
from .records import Entry, Example

CATEGORY = "elementwise math"

NAN, INF = float("nan"), float("inf")

# Exponents of pow drawn as Python numbers: integers (where negative bases are
# fine), halves (where they are NaN), zero and negatives (0 ** -1 is inf).
EXPONENTS = (-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0)


def _any_float(dtype: str) -> st.SearchStrategy[float]:
    return floats(dtype) | extreme_floats(dtype)


def _operand(x: np.ndarray, floatx: str) -> st.SearchStrategy:
    """A second operand for ``x``: a Python number representable in floatx, or
    a tensor of ``x``'s shape or of shape ()."""
    tensors = [arrays(floatx, shape, elements=_any_float(floatx)) for shape in (x.shape, ())]
    return st.one_of(floats(floatx, finite=True).map(float), *tensors)


def _pow_calls(floatx: str) -> st.SearchStrategy[Call]:
    """``pow(x, a)``: ``a`` one of ``EXPONENTS`` or a tensor (drawn exponents)."""
    def with_exponent(x: np.ndarray) -> st.SearchStrategy[Call]:
        exponent = st.sampled_from(EXPONENTS) | st.one_of(
            *[arrays(floatx, shape, elements=st.sampled_from(EXPONENTS) | _any_float(floatx))
              for shape in (x.shape, ())])
        return exponent.map(lambda a: call(x, a))
    return arrays(floatx, elements=_any_float(floatx)).flatmap(with_exponent)


def _clip_calls(floatx: str) -> st.SearchStrategy[Call]:
    """``clip(x, min_value, max_value)``: each bound None, a number or a
    tensor; crossed bounds (max < min) come up often among the numbers."""
    def with_bounds(x: np.ndarray) -> st.SearchStrategy[Call]:
        bound = st.none() | _operand(x, floatx)
        return st.tuples(bound, bound).map(lambda bounds: call(x, *bounds))
    return arrays(floatx, elements=_any_float(floatx)).flatmap(with_bounds)


def _comparison(name: str, answers: tuple[bool, ...], nan_answer: bool) -> Entry:
    """A comparison's record: ``answers`` for 1 vs 2, 2 vs 2, 3 vs 2 (a
    broadcast scalar operand), and its answer for NaN against NaN."""
    return Entry(name, "x, y", calls=binary(_any_float), examples=(
        Example(call(np.array([1.0, 2.0, 3.0]), np.array(2.0)), np.array(answers),
                why="bool result; the scalar y broadcasts; the tie at 2"),
        Example(call(np.array([[NAN], [1.0]]), np.array([NAN, 1.0])),
                np.array([[nan_answer, name == "not_equal"], [name == "not_equal", answers[1]]]),
                why="NaN compares unequal to everything, itself included; shapes (2, 1) and (2,) broadcast"),
    ))


ENTRIES: tuple[Entry, ...] = (
    Entry("square", "x", calls=unary(_any_float), examples=(
        Example(call(np.array([-3.0, -0.5, 0.0, INF])), np.array([9.0, 0.25, 0.0, INF])),)),
    Entry("abs", "x", calls=unary(_any_float), examples=(
        Example(call(np.array([-2.0, -0.0, -INF, 1.5])), np.array([2.0, 0.0, INF, 1.5])),)),
    Entry("sqrt", "x", calls=unary(_any_float), examples=(
        Example(call(np.array([-1.0, -0.0, 0.0, 4.0, -INF])), np.array([0.0, 0.0, 0.0, 2.0, 0.0]),
                why="negatives are clamped to 0, not NaN"),)),
    Entry("exp", "x", calls=unary(_any_float), examples=(
        Example(call(np.array([0.0, 1.0, -INF, INF])), np.array([1.0, math.e, 0.0, INF])),)),
    Entry("log", "x", calls=unary(_any_float), examples=(
        Example(call(np.array([0.0, -0.0, -1.0, 1.0, INF])), np.array([-INF, -INF, NAN, 0.0, INF]),
                why="log(0) is -inf and log of a negative is NaN; nothing is clamped"),)),
    Entry("round", "x", calls=unary(_any_float), examples=(
        Example(call(np.array([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 0.25, 0.75])),
                np.array([-2.0, -2.0, 0.0, 0.0, 2.0, 2.0, 0.0, 1.0]),
                why="halves round to the even neighbour"),)),
    Entry("sign", "x", calls=unary(_any_float), examples=(
        Example(call(np.array([-3.0, -0.0, 0.0, 0.25, NAN])), np.array([-1.0, 0.0, 0.0, 1.0, NAN]),
                why="0 for zeros of either sign; NaN stays NaN"),)),
    Entry("pow", "x, a", calls=_pow_calls, examples=(
        Example(call(np.array([-8.0, -2.0, 4.0]), 0.5), np.array([NAN, NAN, 2.0]),
                why="a negative base with a non-integer exponent is NaN"),
        Example(call(np.array([-2.0, 0.0, 3.0]), -1.0), np.array([-0.5, INF, 1.0 / 3.0]),
                why="integer exponents of negative bases are fine; 0 ** -1 is inf"),
        Example(call(np.array([-0.0, 0.0, 4.0]), -0.5), np.array([INF, INF, 0.5]),
                why="the sign of zero: pow(-0, y) is +inf for y < 0 that is not an odd integer (C99 Annex F, "
                    "numpy.power; rewritten as 1 / sqrt(x) it would be -inf)"),
        Example(call(np.array([-2.0, 3.0]), np.array([3.0, 2.0])), np.array([-8.0, 9.0]),
                why="a tensor exponent of x's shape applies element by element (neither family documents one "
                    "that broadcasts: 'a: Python integer', TF231:1998)"),
    )),
    Entry("clip", "x, min_value, max_value", calls=_clip_calls, examples=(
        Example(call(np.array([-3.0, 0.0, 3.0]), 1.0, -1.0), np.array([1.0, 1.0, 1.0]),
                why="max_value < min_value: every element becomes min_value"),
        Example(call(np.array([-3.0, 0.0, 3.0]), None, 1.0), np.array([-3.0, 0.0, 1.0]),
                why="a None lower bound is -inf"),
        Example(call(np.array([-3.0, 0.0, 3.0]), 0.5, None), np.array([0.5, 0.5, 3.0]),
                why="a None upper bound is +inf"),
        Example(call(np.array([-3.0, NAN, 3.0]), np.array([-1.0, 0.0, 4.0]), np.array(2.0)),
                np.array([-1.0, NAN, 4.0]),
                why="tensor bounds broadcast to x; where they cross the lower bound wins; NaN stays NaN"),
    )),
    _comparison("equal", (False, True, False), nan_answer=False),
    _comparison("not_equal", (True, False, True), nan_answer=True),
    _comparison("greater", (False, False, True), nan_answer=False),
    _comparison("greater_equal", (False, True, True), nan_answer=False),
    _comparison("less", (True, False, False), nan_answer=False),
    _comparison("less_equal", (True, True, False), nan_answer=False),
    Entry("maximum", "x, y", calls=binary(_any_float), examples=(
        Example(call(np.array([NAN, 1.0, -1.0]), np.array([1.0, NAN, -2.0])), np.array([NAN, NAN, -1.0]),
                why="NaN in either operand gives NaN"),)),
    Entry("minimum", "x, y", calls=binary(_any_float), examples=(
        Example(call(np.array([NAN, 1.0, -1.0]), np.array([1.0, NAN, -2.0])), np.array([NAN, NAN, -2.0]),
                why="NaN in either operand gives NaN"),)),
    Entry("sin", "x", calls=unary(_any_float), examples=(
        Example(call(np.array([0.0, math.pi / 2, 1e4, INF])), np.array([0.0, 1.0, math.sin(1e4), NAN]),
                why="radians; sin(inf) is NaN"),)),
    Entry("cos", "x", calls=unary(_any_float), examples=(
        Example(call(np.array([0.0, math.pi, 1e4, -INF])), np.array([1.0, -1.0, math.cos(1e4), NAN]),
                why="radians; cos(-inf) is NaN"),)),
)
