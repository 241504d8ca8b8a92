"""Connectionist temporal classification (decoding checks: suite/test_ctc.py).

Inputs are drawn small (batch <= 3, time <= 4, classes <= 4, blank = the last
class) and legal for TF's CTC loss: 1 <= label_length <= input_length (repeated
labels without room for a blank between them, cost inf, come up too).
Probabilities include exact 0 and 1 and rows that do not sum to 1 (the CTC ops
renormalise ``log(y_pred + epsilon())``). Labels are drawn at least 2 wide:
width 1 is pinned by an example of its own, because tf_keras fails on it by the
graph route (its ``ctc_label_dense_to_sparse`` loop changes shape).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from hypothesis import strategies as st

from ..calls import Call, call
from ..inputs import arrays, floats
from .records import Entry, Example

CATEGORY = 'ctc'

# The Keras 2.3 (and tf_keras) test input of ctc_batch_cost, from TensorFlow's
# ctc_loss tests: (batch 2, time 5, classes 6), labels of lengths 5 and 4.
KERAS_CTC_LABELS = np.array([[0, 1, 2, 1, 0], [0, 1, 1, 0, -1]], dtype='int32')
KERAS_CTC_INPUTS = np.array(
    [[[0.633766, 0.221185, 0.0917319, 0.0129757, 0.0142857, 0.0260553],
      [0.111121, 0.588392, 0.278779, 0.0055756, 0.00569609, 0.010436],
      [0.0357786, 0.633813, 0.321418, 0.00249248, 0.00272882, 0.0037688],
      [0.0663296, 0.643849, 0.280111, 0.00283995, 0.0035545, 0.00331533],
      [0.458235, 0.396634, 0.123377, 0.00648837, 0.00903441, 0.00623107]],
     [[0.30176, 0.28562, 0.0831517, 0.0862751, 0.0816851, 0.161508],
      [0.24082, 0.397533, 0.0557226, 0.0546814, 0.0557528, 0.19549],
      [0.230246, 0.450868, 0.0389607, 0.038309, 0.0391602, 0.202456],
      [0.280884, 0.429522, 0.0326593, 0.0339046, 0.0326856, 0.190345],
      [0.423286, 0.315517, 0.0338439, 0.0393744, 0.0339315, 0.154046]]])


# A class of probability 0 among 2 after tf_keras' log(y + eps) and renormalisation (eps = 1e-7).
P_EPS = 1e-7 / (1 + 2e-7)


def _lengths(values: list[Any]) -> np.ndarray:
    return np.array(values, dtype='int32')


def _labels_and_lengths(batch: int, width: int, classes: int, steps: int) -> st.SearchStrategy:
    """(labels (batch, width) int32 in [0, classes - 2] (never the blank), padded
    past each length with -1 or 0, and the lengths, in [1, min(width, steps)])."""
    label = st.integers(0, classes - 2)

    def one(length: int) -> st.SearchStrategy:
        return st.tuples(st.lists(label, min_size=length, max_size=length),
                         st.lists(st.sampled_from([-1, 0]), min_size=width - length, max_size=width - length)
                         ).map(lambda parts: (parts[0] + parts[1], length))

    rows = st.lists(st.integers(1, min(width, steps)).flatmap(one), min_size=batch, max_size=batch)
    return rows.map(lambda items: (np.array([r for r, _ in items], dtype='int32').reshape(batch, width),
                                   [n for _, n in items]))


def _probabilities(floatx: str, shape: tuple) -> st.SearchStrategy[np.ndarray]:
    """Per-class probabilities in [0, 1] with exact 0 and 1 often; rows need not sum to 1."""
    return arrays(floatx, shape, elements=st.sampled_from([0.0, 1.0, 0.5]) | floats(floatx, 0.0, 1.0))


def _ctc_batch_cost_calls(floatx: str) -> st.SearchStrategy[Call]:
    def draw(sizes: tuple) -> st.SearchStrategy[Call]:
        batch, steps, classes, width = sizes
        labelled = _labels_and_lengths(batch, width, classes, steps)

        def finish(drawn: tuple) -> st.SearchStrategy[Call]:
            labels, lengths = drawn
            frames = st.tuples(*[st.integers(n, steps) for n in lengths])
            return st.tuples(frames, _probabilities(floatx, (batch, steps, classes))).map(
                lambda fp: call(labels, fp[1], _lengths([[n] for n in fp[0]]), _lengths([[n] for n in lengths])))
        return labelled.flatmap(finish)
    return st.tuples(st.integers(1, 3), st.integers(1, 4), st.integers(2, 4), st.integers(2, 3)).flatmap(draw)


def _dense_to_sparse_calls(floatx: str) -> st.SearchStrategy[Call]:
    def draw(sizes: tuple) -> st.SearchStrategy[Call]:
        batch, width = sizes
        labels = arrays('int32', (batch, width), elements=st.integers(-1, 5))
        lengths = st.lists(st.integers(0, width), min_size=batch, max_size=batch).map(_lengths)
        return st.tuples(labels, lengths).map(lambda ll: call(*ll))
    return st.tuples(st.integers(1, 3), st.integers(1, 4)).flatmap(draw)


ENTRIES: tuple[Entry, ...] = (
    # Eager route only: a sparse result's value by ``function`` is backend-specific
    # (tf_keras answers a SparseTensor object), while ``eval`` densifies it in
    # tf_keras (zeros where absent) and in the reference alike.
    Entry('ctc_label_dense_to_sparse', 'labels, label_lengths', calls=_dense_to_sparse_calls, routes=('eager',),
          examples=(
              Example(call(KERAS_CTC_LABELS, _lengths([5, 2])),
                      np.array([[0, 1, 2, 1, 0], [0, 1, 0, 0, 0]], dtype='int32'),
                      why="entries past each length are absent (eval reads them as 0)"),
              Example(call(np.array([[3, 4]], dtype='int32'), _lengths([0])), np.zeros((1, 2), dtype='int32'),
                      why="a length of 0 keeps nothing"),
          )),
    Entry('ctc_batch_cost', 'y_true, y_pred, input_length, label_length', calls=_ctc_batch_cost_calls,
          reads=('epsilon',), examples=(
        # Published: 3.34211 and 5.42262 (Keras 2.3 and tf_keras tests, TensorFlow's
        # ctc_loss tests); the digits below are the exact float64 values.
        Example(call(KERAS_CTC_LABELS, KERAS_CTC_INPUTS, _lengths([[5], [5]]), _lengths([[5], [4]])),
                np.array([[3.342114572691147], [5.422623185049313]]),
                why="the Keras 2.3 test input: blank is the last class, -1 padding is ignored"),
        Example(call(np.array([[0, -1]], dtype='int32'), np.array([[[0.0, 1.0], [0.0, 1.0]]]), _lengths([[2]]),
                     _lengths([[1]])),
                np.array([[-np.log(2 * P_EPS * (1 - P_EPS) + P_EPS ** 2)]]),
                why="log(y_pred + epsilon()): a label of probability 0 costs -log(eps), not inf"),
        Example(call(np.array([[1, 1]], dtype='int32'), np.full((1, 2, 3), 1 / 3), _lengths([[2]]), _lengths([[2]])),
                np.array([[np.inf]]), why="repeated labels need a blank between them: no alignment in 2 frames"),
        Example(call(np.array([[1, 0]], dtype='int32'), np.full((1, 2, 3), 1 / 3), _lengths([[1]]), _lengths([[2]])),
                raises=Exception, why="more labels than frames (TF raises InvalidArgumentError)"),
        Example(call(np.array([[0], [1]], dtype='int32'), np.array([[[0.5, 0.25, 0.25]], [[0.5, 0.25, 0.25]]]),
                     _lengths([[1], [1]]), _lengths([[1], [1]])),
                -np.log(np.array([[0.5 + 1e-7], [0.25 + 1e-7]]) / (1 + 3e-7)),
                why="labels one wide: one frame, one label"),
    )),
    Entry('ctc_decode', 'y_pred, input_length, greedy=True, beam_width=100, top_paths=1', reads=('epsilon',)),
)
