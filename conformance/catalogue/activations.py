"""Activations and normalisation."""

from __future__ import annotations

from typing import Any

import numpy as np
from hypothesis import strategies as st

from ..calls import Call, call
from ..families import Answer
from ..inputs import arrays, axes, floats, held_as, shapes, small_grid, unary
from .records import Entry, Example

CATEGORY = 'nn'

# relu's reference tuples (tf_keras' own test), on x = [[-4, 0], [2, 7]].
RELU_X = np.array([[-4.0, 0.0], [2.0, 7.0]])


def _relu_calls(floatx: str) -> st.SearchStrategy[Call]:
    # Options drawn independently so every combination (leaky, thresholded, capped,
    # relu6, negative threshold without a cap) comes up; values hit the threshold exactly.
    options = st.fixed_dictionaries({}, optional={
        "alpha": st.sampled_from([0.0, 0.25, 1.5, -0.5]),
        "max_value": st.sampled_from([None, 6.0, 3.0, 0.5]),
        "threshold": st.sampled_from([0.0, 3.0, -5.0, 0.5, -0.5, 1.5])})
    return st.tuples(arrays(floatx, elements=floats(floatx)), options).map(lambda xo: Call((xo[0],), xo[1]))


def _softmax_calls(floatx: str) -> st.SearchStrategy[Call]:
    def with_axis(x: np.ndarray) -> st.SearchStrategy[Call]:
        return axes(x.ndim, allow_none=False).map(lambda axis: Call((x,), {} if axis == -1 else {"axis": axis}))
    return arrays(floatx, shapes(min_dims=2), elements=floats(floatx)).flatmap(with_axis)


def _l2_calls(floatx: str) -> st.SearchStrategy[Call]:
    # Bounded so that the sum of up to 256 squares stays finite in floatx: the
    # contract is the exact norm, not an intermediate overflow.
    bound = float(np.sqrt(np.finfo(floatx).max)) / 32
    # Two values whose squares' sum falls below the 1e-12 floor, as floatx holds them.
    values = floats(floatx, -bound, bound) | st.sampled_from(held_as(floatx, (3e-7, -4e-7)))

    def with_axis(x: np.ndarray) -> st.SearchStrategy[Call]:
        return axes(x.ndim).map(lambda axis: Call((x,), {"axis": axis}) if axis is not None else Call((x,)))
    return arrays(floatx, elements=values).flatmap(with_axis)


def _in_top_k_calls(floatx: str) -> st.SearchStrategy[Call]:
    # float32 predictions whatever floatx (TF's in_top_k takes no other type); few
    # distinct values so ties are common, and NaN/inf now and then.
    scores = st.sampled_from([0.0, 1.0, 2.0, -1.0]) | st.sampled_from([np.nan, np.inf, -np.inf]) | \
        st.floats(-10, 10, width=32)

    def complete(shape: tuple[int, int]) -> st.SearchStrategy[Call]:
        batch, classes = shape
        return st.tuples(
            arrays("float32", shape, elements=scores),
            arrays("int32", (batch,), elements=st.integers(-1, classes)),
            st.integers(0, classes + 1)).map(lambda p: Call(p))
    return st.tuples(st.integers(0, 4), st.integers(1, 4)).flatmap(complete)


def _kept_shape(shape: tuple[int, ...], reduced: list[int]) -> tuple[int, ...]:
    return tuple(1 if axis in reduced else n for axis, n in enumerate(shape))


def _batch_norm_calls(floatx: str) -> st.SearchStrategy[Call]:
    def complete(x: np.ndarray) -> st.SearchStrategy[Call]:
        return st.integers(-x.ndim, x.ndim - 1).flatmap(lambda axis: _with_statistics(x, axis))

    def _with_statistics(x: np.ndarray, axis: int) -> st.SearchStrategy[Call]:
        positive = axis % x.ndim
        # Statistics shaped (C,) when they belong to the last axis, else broadcastable.
        shape = (x.shape[positive],) if positive == x.ndim - 1 else \
            _kept_shape(x.shape, [a for a in range(x.ndim) if a != positive])
        grid = arrays(floatx, shape, elements=small_grid(floatx))
        optional = st.none() | grid
        variance = arrays(floatx, shape, elements=st.sampled_from([0.0, 0.25, 1.0]) | st.floats(0, 4, width=16))
        return st.tuples(grid, variance, optional, optional, st.sampled_from([None, 1e-3, 0.1])).map(
            lambda s: Call((x, s[0], s[1], s[2], s[3]), {"axis": axis, **({} if s[4] is None else {"epsilon": s[4]})}))
    return arrays(floatx, shapes(2, 4, min_side=1), elements=small_grid(floatx)).flatmap(complete)


def _normalize_batch_calls(floatx: str) -> st.SearchStrategy[Call]:
    def complete(x: np.ndarray) -> st.SearchStrategy[Call]:
        reduced = st.lists(st.integers(0, x.ndim - 1), min_size=1, max_size=x.ndim, unique=True).map(sorted)
        fused = st.just([0, 1, 2]) if x.ndim == 4 else st.nothing()
        return (fused | reduced).flatmap(lambda axes_: _with_scale(x, axes_))

    def _with_scale(x: np.ndarray, reduced: list[int]) -> st.SearchStrategy[Call]:
        kept = tuple(n for axis, n in enumerate(x.shape) if axis not in reduced)
        optional = st.none() | arrays(floatx, kept, elements=small_grid(floatx))
        return st.tuples(optional, optional, st.sampled_from([None, 1e-3, 1e-8])).map(
            lambda s: Call((x, s[0], s[1], reduced), {} if s[2] is None else {"epsilon": s[2]}))
    # Up to 3 per side: a fused 4-D batch of 81 values at most; small_grid keeps the
    # mean's rounding (amplified by 1/sqrt(var + epsilon)) within the tolerance below.
    return arrays(floatx, shapes(2, 4, min_side=1, max_side=3), elements=small_grid(floatx)).flatmap(complete)


def _f(values: Any) -> np.ndarray:
    return np.array(values, dtype=np.float64)


ENTRIES = (
    Entry('relu', 'x, alpha=0.0, max_value=None, threshold=0.0', calls=_relu_calls, examples=(
        Example(call(RELU_X, alpha=0.25, max_value=3.0), _f([[-1, 0], [2, 3]]), why="leaky and capped"),
        Example(call(RELU_X, threshold=3.0), _f([[0, 0], [0, 7]]), why="thresholded"),
        Example(call(RELU_X, alpha=0.25, threshold=4.0, max_value=5.0), _f([[-2, -1], [-0.5, 5]]),
                why="leaky below the threshold, capped above"),
        Example(call(_f([-4, 0, 2, 7]), threshold=-5.0), _f([-4, 0, 2, 7]),
                why="a negative threshold without max_value lets negatives through"),
        Example(call(_f([2.0, 3.0, 3.5]), threshold=3.0), _f([0, 0, 3.5]), why="x == threshold gives 0 (strict >)"),
        Example(call(_f([-1.0, 3.0, 8.0]), max_value=6.0), _f([0, 3, 6]), why="relu6"),
    )),
    Entry('elu', 'x, alpha=1.0', calls=lambda floatx: unary()(floatx) | unary(alpha=0.5)(floatx), examples=(
        Example(call(_f([-1e4, 0.0, 2.0]), alpha=0.5), _f([-0.5, 0, 2]), why="alpha scales the negative part only"),)),
    Entry('softmax', 'x, axis=-1', calls=_softmax_calls, examples=(
        Example(call(_f([1.0, 2.0])), raises=ValueError, classic=Answer(_f([0.2689414213699951, 0.7310585786300049])),
                why="rank 1: tf_keras refuses it; classic Keras 2.3 takes the one axis (TF231 tf.nn.softmax, Theano)"),
        Example(call(_f(2.0)), raises=ValueError, why="rank 0 is refused"),
        Example(call(_f([[0.0, 0.0], [1e4, 1e4]]), axis=0), _f([[0, 0], [1, 1]]),
                why="axis 0, large logits do not overflow"),
        Example(call(_f([[0.0, np.log(3.0)]])), _f([[0.25, 0.75]]), why="default axis -1"),
    )),
    Entry('softplus', 'x', calls=unary(), examples=(
        Example(call(_f([-1e4, 0.0, 1e4])), _f([0.0, np.log(2.0), 1e4]), why="stable for large |x|"),)),
    Entry('softsign', 'x', calls=unary(), examples=(
        Example(call(_f([-3.0, 0.0, 1.0])), _f([-0.75, 0.0, 0.5])),)),
    Entry('sigmoid', 'x', calls=unary(), examples=(
        Example(call(_f([-1e4, 0.0, 1e4])), _f([0.0, 0.5, 1.0]), why="exact 0 and 1 for large |x|, no overflow"),)),
    Entry('hard_sigmoid', 'x', calls=unary(), examples=(
        Example(call(_f([-3.0, -2.5, -1.0, 0.0, 1.5, 2.5, 4.0])), _f([0, 0, 0.3, 0.5, 0.8, 1, 1]),
                why="Keras 2's slope 0.2, saturated beyond +-2.5"),)),
    Entry('tanh', 'x', calls=unary(), examples=(
        Example(call(_f([-1e4, 0.0, 0.5, 1e4])), _f([-1.0, 0.0, np.tanh(0.5), 1.0])),)),
    Entry('l2_normalize', 'x, axis=None', calls=_l2_calls, examples=(
        Example(call(_f([[3.0, 0.0], [0.0, 4.0]])), _f([[0.6, 0], [0, 0.8]]), why="default axis None: whole tensor"),
        Example(call(_f([[3.0, 4.0], [0.0, 0.0]]), axis=-1), _f([[0.6, 0.8], [0, 0]]),
                why="an all-zero row stays zero (the floor on the squared sum)"),
        Example(call(np.array([3e-7, 4e-7], dtype="float32")), np.array([0.3, 0.4], dtype="float32"),
                dtype="float32", why="below the floor 1e-12 the norm is 1e-6, not the true norm"),
    )),
    Entry('in_top_k', 'predictions, targets, k', calls=_in_top_k_calls, examples=(
        Example(call(np.array([[1, 2, 2, 0], [1, 2, 2, 0], [3, 3, 3, 3]], dtype="float32"),
                     np.array([1, 0, 0], dtype="int32"), 1), np.array([True, False, True]),
                why="ties count as in"),
        Example(call(np.array([[np.nan, 1, 2], [1, np.inf, 0], [5, 1, 0]], dtype="float32"),
                     np.array([2, 1, 3], dtype="int32"), 2), np.array([False, False, False]),
                why="non-finite rows and out-of-range targets are never in"),
    )),
    Entry('batch_normalization', 'x, mean, var, beta, gamma, axis=-1, epsilon=0.001', calls=_batch_norm_calls,
          examples=(
              Example(call(_f([[1.0, 3.0], [5.0, -1.0]]), _f([1.0, 1.0]), _f([0.0, 4.0]), None, None, epsilon=0.25),
                      _f([[0.0, 2 / np.sqrt(4.25)], [8.0, -2 / np.sqrt(4.25)]]),
                      why="epsilon inside the square root; beta/gamma None"),
              Example(call(_f([[[1.0], [2.0]]]), _f([[[0.0], [1.0]]]), _f([[[3.0], [0.0]]]), _f([[[1.0], [0.0]]]),
                           _f([[[2.0], [-1.0]]]), axis=1, epsilon=1.0),
                      _f([[[2.0], [-1.0]]]), why="broadcast statistics on axis 1"),
              Example(call(_f([[[[3.0]]]]), _f([[[[1.0]]]]), _f([[[[3.75]]]]), None, None, axis=0, epsilon=0.25),
                      _f([[[[1.0]]]]), why="4-D, beta/gamma None, statistics on a non-channel axis"),
          ),
          # TF's batch_normalization computes x * s + (beta - mean * s) with s up to
          # |gamma| / sqrt(epsilon) ~ 95: the two terms (|x * s| up to ~300) cancel when the
          # result is small, leaving ~4 ulp of 300 absolute, about 1024 epsilons.
          tolerance=1024),
    Entry('normalize_batch_in_training', 'x, gamma, beta, reduction_axes, epsilon=0.001',
          calls=_normalize_batch_calls, examples=(
              Example(call(np.arange(8.0).reshape(2, 1, 1, 4), _f([2.0] * 4), _f([1.0] * 4), [0, 1, 2]),
                      (_f([-1, 1]).repeat(4).reshape(2, 1, 1, 4) * 4 / np.sqrt(4.001) + 1,
                       _f([2, 3, 4, 5]), _f([8, 8, 8, 8])),
                      why="fused 4-D path: biased variance normalises, the unbiased one is returned"),
              Example(call(_f([[0.0, 1.0], [2.0, 5.0]]), None, None, [0]),
                      (_f([[-1, -1], [1, 1]]) * np.array([1 / np.sqrt(1.001), 2 / np.sqrt(4.001)]),
                       _f([1, 3]), _f([1, 4])), why="biased variance elsewhere"),
          ),
          # The batch mean's rounding (a few ulp of |x| <= 3) is amplified by
          # 1 / sqrt(var + epsilon), up to 1 / sqrt(1e-8 + 1/81) = 9 for these grids.
          tolerance=256),
)
