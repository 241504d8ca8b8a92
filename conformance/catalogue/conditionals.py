"""Choosing between tensors: switch and the learning-phase selectors.

Records pin tensor conditions and Python ``training`` values; callables as
branches and ``training=None`` (the learning phase) are judged by
``conformance.suite.test_conditionals``.
"""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from ..calls import Call, call
from ..inputs import arrays, shapes
from .records import Entry, Example

CATEGORY = 'control flow'

# Condition values where a cast to bool is easy to get wrong: -0.0 is false, NaN and negatives true.
_CONDITION_FLOATS = (0.0, -0.0, 1.0, 0.5, -1.0, float("nan"), float("inf"))


def _condition_shapes(branch_shape: tuple[int, ...]) -> st.SearchStrategy[tuple[int, ...]]:
    """Condition shapes for branches of ``branch_shape``: scalar (a whole branch
    is chosen), the branches' rank, or rank >= 2 aligned with their leading
    axes; any axis may be 1 (broadcast). A rank-1 condition with branches of
    rank >= 2 is left out: tf_keras and classic Keras disagree on it."""
    rank = len(branch_shape)
    ranks = [0] + [r for r in range(1, rank + 1) if r == rank or r >= 2]
    return st.sampled_from(ranks).flatmap(lambda r: st.tuples(
        *[st.sampled_from(sorted({side, 1})) for side in branch_shape[:r]]))


def _conditions(floatx: str, shape: tuple[int, ...]) -> st.SearchStrategy[np.ndarray]:
    """A condition of ``shape``: booleans, or floats of ``floatx`` cast to bool by the entry."""
    return st.one_of(arrays("bool", shape), arrays(floatx, shape, elements=st.sampled_from(_CONDITION_FLOATS)))


def _switch_calls(floatx: str) -> st.SearchStrategy[Call]:
    # Branches hold NaN and infinities: the unselected branch's must not leak into the result.
    def for_shape(shape: tuple[int, ...]) -> st.SearchStrategy[Call]:
        return st.builds(lambda c, t, e: Call((c, t, e)), _condition_shapes(shape).flatmap(
            lambda s: _conditions(floatx, s)), arrays(floatx, shape), arrays(floatx, shape))
    return shapes(max_dims=3, max_side=3).flatmap(for_shape)


# A Python ``training`` is compared with 0 and 1; a tensor one goes through switch.
def _phase_calls(floatx: str) -> st.SearchStrategy[Call]:
    python = st.sampled_from([0, 1, True, False])
    tensor = st.one_of(arrays("bool", ()), arrays(floatx, (), elements=st.sampled_from([0.0, 1.0])))
    return shapes(max_dims=3, max_side=3).flatmap(lambda shape: st.builds(
        lambda x, alt, training: Call((x, alt), {"training": training}),
        arrays(floatx, shape), arrays(floatx, shape), st.one_of(python, tensor)))


_X = np.array([[1.0, -2.0], [3.0, 0.5]])
_ALT = np.array([[-4.0, 5.0], [0.0, 6.0]])


def _phase_examples(train: np.ndarray, test: np.ndarray) -> tuple[Example, ...]:
    """The pinned cases of a selector answering ``train`` in training and ``test`` otherwise."""
    return (
        Example(call(_X, _ALT, training=1), train, why="training=1 is the training phase"),
        Example(call(_X, _ALT, training=True), train, why="training=True is the training phase"),
        Example(call(_X, _ALT, training=0), test, why="training=0 is the inference phase"),
        Example(call(_X, _ALT, training=False), test, why="training=False is the inference phase"),
        Example(call(_X, _ALT, training=1.0), train,
                why="a Python number equal to 1 is the training phase (tf_keras compares with ==)"),
        Example(call(_X, _ALT, training=np.array(True)), train, why="a boolean tensor selects through switch"),
        Example(call(_X, _ALT, training=np.array(0.0)), test, why="a float tensor is cast to bool"),
    )


ENTRIES: tuple[Entry, ...] = (
    Entry("switch", "condition, then_expression, else_expression", calls=_switch_calls, examples=(
        Example(call(np.array(False), _X, _ALT), _ALT, why="a scalar false condition chooses the whole else branch"),
        Example(call(np.array(2.0), _X, _ALT), _X, why="a scalar condition is cast to bool: 2.0 is true"),
        Example(call(np.array([True, False]), np.array([1.0, np.nan]), np.array([np.inf, 2.0])),
                np.array([1.0, 2.0]), why="the unselected branch's NaN and inf do not leak"),
        Example(call(np.array([0.5, -0.0, np.nan]), np.ones(3), np.zeros(3)), np.array([1.0, 0.0, 1.0]),
                why="a float condition is cast to bool: -0.0 is false, 0.5 and NaN true"),
        Example(call(np.array([[True, False]]), np.ones((1, 2, 3)), np.zeros((1, 2, 3))),
                np.array([[[1.0, 1.0, 1.0], [0.0, 0.0, 0.0]]]),
                why="a rank-2 condition selects along the branches' leading axes"),
        Example(call(np.ones((2, 2)), np.ones(2), np.zeros(2)), raises=ValueError,
                why="a condition of higher rank than the branches is refused"),
    )),
    Entry("in_train_phase", "x, alt, training=None", calls=_phase_calls, examples=_phase_examples(_X, _ALT)),
    Entry("in_test_phase", "x, alt, training=None", calls=_phase_calls, examples=_phase_examples(_ALT, _X)),
)
