"""Losses: per-sample cross-entropies."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from hypothesis import strategies as st

from ..calls import Call, call
from ..inputs import arrays, logits, probabilities, shapes
from .records import Entry, Example

CATEGORY = 'losses'

# Targets whose products with large logits are exact: soft targets like 0.3 make
# max(z, 0) - z * t cancel to z * (1 - t) with an ulp of z as error, in every float type.
QUARTERS = st.sampled_from([0.0, 1.0, 0.25, 0.5, 0.75])


def _with_classes(min_dims: int, max_dims: int) -> st.SearchStrategy[tuple[tuple[int, ...], int]]:
    """(shape, axis): a shape whose class axis ``axis`` (negative or not) has at least one class."""
    def pick(shape: tuple[int, ...]) -> st.SearchStrategy:
        return st.integers(-len(shape), len(shape) - 1).map(
            lambda axis: (tuple(max(n, 1) if i == axis % len(shape) else n for i, n in enumerate(shape)), axis))
    return shapes(min_dims, max_dims).flatmap(pick)


def _positive_rows(output: np.ndarray, axis: int) -> np.ndarray:
    """``output`` with every all-zero row along ``axis`` set to ones (0/0 renormalises to NaN)."""
    return output + (np.sum(output, axis=axis, keepdims=True) == 0).astype(output.dtype)


def _axis_kwargs(axis: int) -> dict:
    return {} if axis == -1 else {"axis": axis}


def _categorical(extra: Callable[[], st.SearchStrategy[dict]] = lambda: st.just({})
                 ) -> Callable[[str], st.SearchStrategy[Call]]:
    """Calls ``f(target, output, from_logits=..., axis=..., **extra)``: soft targets,
    probabilities with exact 0/1 and rows not summing to 1, or large logits."""
    def draw(floatx: str) -> st.SearchStrategy[Call]:
        def complete(shape_axis: tuple) -> st.SearchStrategy[Call]:
            shape, axis = shape_axis
            target = arrays(floatx, shape, elements=probabilities(floatx))
            from_probabilities = arrays(floatx, shape, elements=probabilities(floatx)).map(
                lambda o: (_positive_rows(o, axis), dict[str, Any]()))
            from_logits = arrays(floatx, shape, elements=logits(floatx)).map(lambda o: (o, {"from_logits": True}))
            return st.tuples(target, from_probabilities | from_logits, extra()).map(
                lambda t: Call((t[0], t[1][0]), {**t[1][1], **_axis_kwargs(axis), **t[2]}))
        return _with_classes(1, 3).flatmap(complete)
    return draw


def _binary(extra: Callable[[], st.SearchStrategy[dict]] = lambda: st.just({})
            ) -> Callable[[str], st.SearchStrategy[Call]]:
    """Calls ``f(target, output, from_logits=..., **extra)`` element-wise."""
    def draw(floatx: str) -> st.SearchStrategy[Call]:
        def complete(shape: tuple[int, ...]) -> st.SearchStrategy[Call]:
            soft = arrays(floatx, shape, elements=probabilities(floatx))
            quarters = arrays(floatx, shape, elements=QUARTERS)
            from_probabilities = st.tuples(soft, arrays(floatx, shape, elements=probabilities(floatx)), st.just({}))
            from_logits = st.tuples(quarters, arrays(floatx, shape, elements=logits(floatx)),
                                    st.just({"from_logits": True}))
            return st.tuples(from_probabilities | from_logits, extra()).map(
                lambda t: Call((t[0][0], t[0][1]), {**t[0][2], **t[1]}))
        return shapes(0, 3).flatmap(complete)
    return draw


def _sparse_calls(floatx: str) -> st.SearchStrategy[Call]:
    def complete(shape_axis: tuple) -> st.SearchStrategy[Call]:
        shape, axis = shape_axis
        classes = shape[axis]
        label_shape = tuple(n for i, n in enumerate(shape) if i != axis % len(shape))
        # Keras often passes labels of shape (batch, 1) for (batch, classes) outputs.
        label_shapes = st.sampled_from([label_shape, label_shape + (1,)]) if len(shape) == 2 and axis % 2 == 1 \
            else st.just(label_shape)
        ignore = st.sampled_from([None, -1, 0])
        dtype = st.sampled_from(["int32", "int64", floatx])
        output = arrays(floatx, shape, elements=probabilities(floatx)).map(
            lambda o: (_positive_rows(o, axis), dict[str, Any]())) | \
            arrays(floatx, shape, elements=logits(floatx)).map(lambda o: (o, {"from_logits": True}))

        def labels(drawn: tuple) -> st.SearchStrategy[Call]:
            ignored, label_dtype, label_shape_ = drawn
            lowest = -1 if ignored == -1 else 0  # -1 only as the ignored "void" class
            return st.tuples(arrays(label_dtype, label_shape_, elements=st.integers(lowest, classes - 1)), output).map(
                lambda t: Call((t[0], t[1][0]), {**t[1][1], **_axis_kwargs(axis),
                                                 **({} if ignored is None else {"ignore_class": ignored})}))
        return st.tuples(ignore, dtype, label_shapes).flatmap(labels)
    return _with_classes(2, 3).flatmap(complete)


def _f(values) -> np.ndarray:
    return np.array(values, dtype=np.float64)


def _f32(values) -> np.ndarray:
    return np.array(values, dtype=np.float32)


# With eps = epsilon() = 1e-7 in float32, where 1 - eps rounds to 1 - 2**-23:
_LOG_2EPS = 15.424949  # -log(eps + eps): target 1, output 0
_LOG_TOP = 15.333239  # -log(1 - (1 - eps) + eps) = -log(2**-23 + eps): target 0, output 1

# Probabilities are clipped to [epsilon(), 1 - epsilon()].
_EPSILON = ('epsilon',)

ENTRIES: tuple[Entry, ...] = (
    Entry('categorical_crossentropy', 'target, output, from_logits=False, axis=-1', calls=_categorical(),
          reads=_EPSILON, examples=(
        Example(call(_f([[0, 1, 0], [1, 0, 0]]), _f([[0, 1, 0], [0, 1, 0]])), _f([-np.log1p(-1e-7), -np.log(1e-7)]),
                why="exact 0 and 1 are clipped to [eps, 1 - eps]"),
        Example(call(_f([[1, 0], [0, 1]]), _f([[1, 1], [0.5, 1.5]])), _f([np.log(2), np.log(4 / 3)]),
                why="rows not summing to 1 are renormalised"),
        Example(call(_f([[0, 1], [1, 0]]), _f([[1e4, 0], [1e4, 0]]), from_logits=True), _f([1e4, 0]),
                why="large logits"),
        Example(call(_f([[1, 0], [0, 1]]), _f([[0.5, 0.5], [0.5, 0.5]]), axis=0), _f([np.log(2), np.log(2)]),
                why="axis 0"),
        Example(call(_f([[1, 0], [0, 1]]), _f([[0, 0], [0, 0]]), from_logits=True, axis=-2), _f([np.log(2), np.log(2)]),
                why="from logits over a negative axis other than -1"),
        Example(call(_f([[1, 0, 0]]), _f([[1, 0]])), raises=ValueError, why="incompatible shapes"),
    )),
    Entry('sparse_categorical_crossentropy', 'target, output, from_logits=False, axis=-1, ignore_class=None',
          newer=('ignore_class',), calls=_sparse_calls, reads=_EPSILON, examples=(
              Example(call(np.array([1, 2], dtype="int32"), _f([[0, 1, 0], [0.2, 0.2, 0.2]])),
                      _f([-np.log((1 - 1e-7) / (1 + 1e-7)), np.log(3)]),
                      why="clipped, renormalised through the softmax of the logs"),
              Example(call(_f([[1], [0]]), _f([[0, 1e4], [0, 1e4]]), from_logits=True), _f([0, 1e4]),
                      why="float labels of shape (batch, 1), large logits"),
              Example(call(np.array([1, -1], dtype="int32"), _f([[0.5, 0.5], [0.5, 0.5]]), ignore_class=-1),
                      _f([np.log(2), 0]), why="ignored positions lose 0"),
              Example(call(np.array([0, 1], dtype="int32"), _f([[0.25, 0.5], [0.75, 0.5]]), axis=0),
                      _f([np.log(4), np.log(2)]), why="classes on axis 0"),
          )),
    Entry('binary_crossentropy', 'target, output, from_logits=False', calls=_binary(), reads=_EPSILON, examples=(
        # float32 in every floatx: in float16 1 - eps rounds to 1, so the second eps is all that is left.
        Example(call(_f32([1, 0, 1, 0]), _f32([1, 1, 0, 0])), _f32([0, _LOG_TOP, _LOG_2EPS, 0]), dtype="float32",
                why="clipped to [eps, 1 - eps], then eps added inside the logs (tf_keras)"),
        Example(call(_f([1, 0, 1, 0.5]), _f([-1e4, 1e4, 0, 0]), from_logits=True), _f([1e4, 1e4, np.log(2), np.log(2)]),
                why="large logits, stable"),
    )),
    Entry('binary_focal_crossentropy',
          'target, output, apply_class_balancing=False, alpha=0.25, gamma=2.0, from_logits=False',
          availability='tf_keras', reads=_EPSILON, calls=_binary(lambda: st.fixed_dictionaries({}, optional={
              "apply_class_balancing": st.booleans(), "alpha": st.sampled_from([0.25, 0.9]),
              "gamma": st.sampled_from([0.0, 1.0, 2.0, 3.5])})), examples=(
        Example(call(_f([1, 0]), _f([0.5, 0.5]), apply_class_balancing=True),
                _f([0.25 * 0.25, 0.75 * 0.25]) * -np.log(0.5 + 1e-7),
                why="(1 - p_t)^gamma and class weights"),)),
    Entry('categorical_focal_crossentropy', 'target, output, alpha=0.25, gamma=2.0, from_logits=False, axis=-1',
          availability='tf_keras', reads=_EPSILON, calls=_categorical(lambda: st.fixed_dictionaries({}, optional={
              "alpha": st.sampled_from([0.25, 1.0]), "gamma": st.sampled_from([0.0, 1.0, 2.0, 3.5])})), examples=(
        Example(call(_f([[1, 0]]), _f([[0.5, 1.5]])), _f([0.25 * 0.75 ** 2 * np.log(4)]),
                why="renormalised to [0.25, 0.75], then alpha (1 - p)^gamma (-log p)"),)),
)
