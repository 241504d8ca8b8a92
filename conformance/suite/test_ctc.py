"""ctc_decode: greedy and beam search, against the reference and on pinned inputs, on both routes.

``ctc_decode`` answers ``([decoded, ...], log_prob)``; the checks flatten it to
``[decoded_0, ..., log_prob]``. Drawn probabilities are ``m * W`` with ``m`` in
1..4 drawn and ``W`` fixed, distinct, unrelated weights per (frame, class):
argmax ties and tied beams (which two correct decoders may order differently)
then do not occur. The default ``beam_width`` (100) exceeds the number of label
prefixes of these small inputs, so the beam search is exact and its pruning
order cannot matter.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from hypothesis import strategies as st

from conformance.catalogue.ctc import KERAS_CTC_INPUTS
from conformance.check import given
from conformance.compare import Mismatch, assert_close, assert_results, expect_raises, tolerance
from conformance.contract import Family
from conformance.families import Way, both, either
from conformance.routes import ROUTES, evaluate
from reference_backend.classic import NOT_IMPLEMENTED

MAX_STEPS, MAX_CLASSES = 4, 4
# Distinct weights with no simple ratios between them (square roots of primes, scaled into (0.05, 0.25)).
WEIGHTS = (np.sqrt([2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53]) / 30).reshape(MAX_STEPS, MAX_CLASSES)

# TensorFlow's beam search test (as in Keras 2.3's test_ctc_decode_beam_search):
# probabilities + 2, taken as exp(), padded with two zero frames; 5 frames used.
_BEAM_FRAMES = np.array(
    [[0.30999, 0.309938, 0.0679938, 0.0673362, 0.0708352, 0.173908],
     [0.215136, 0.439699, 0.0370931, 0.0393967, 0.0381581, 0.230517],
     [0.199959, 0.489485, 0.0233221, 0.0251417, 0.0233289, 0.238763],
     [0.279611, 0.452966, 0.0204795, 0.0209126, 0.0194803, 0.20655],
     [0.51286, 0.288951, 0.0243026, 0.0220788, 0.0219297, 0.129878]])
KERAS_BEAM_INPUT = np.exp(np.concatenate([_BEAM_FRAMES + 2.0, np.zeros((2, 6))]))[None]
# blank A blank A B blank B, classes (A, B, blank): Keras 2.3's merge_repeated test.
REPEATS = np.array([[[0, 0, 1], [1, 0, 0], [0, 0, 1], [1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 1, 0]]], dtype=float)


def _padded(*rows: list[int], steps: int) -> np.ndarray:
    return np.array([row + [-1] * (steps - len(row)) for row in rows], dtype="int64")


# (name, y_pred, input_length, options, decoded arrays, log_prob): published values
# (Keras 2.3 and TF tests) to their published digits; the float64 digits are the reference's.
PINNED: list[tuple[str, np.ndarray, list[int], dict[str, Any], list[np.ndarray], np.ndarray | None]] = [
    ("beam search, Keras 2.3 test", KERAS_BEAM_INPUT, [5], {"greedy": False, "beam_width": 2, "top_paths": 2},
     [_padded([1, 0], steps=7), _padded([1], steps=7)], np.array([[-5.811451, -6.63339]])),
    ("greedy, Keras ctc test input, shorter second item", KERAS_CTC_INPUTS, [5, 3], {},
     [_padded([0, 1, 0], [0, 1], steps=5)], None),
    ("greedy: repeats merged before blanks are dropped", REPEATS, [7], {}, [_padded([0, 0, 1, 1], steps=7)], None),
    ("beam search: merge_repeated=True emits repeated labels once", REPEATS, [7], {"greedy": False},
     [_padded([0, 1], steps=7)], None),
]


def implemented_or_not(backend: Any, check: Callable[[], None]) -> None:
    """``check``, or classic Keras 2.3's other way: ctc_decode not implemented (Theano raises
    NotImplementedError; Keras 2.3.1's tests decode with TensorFlow only)."""
    def not_implemented() -> None:
        with expect_raises(NotImplementedError, "ctc_decode"):
            backend.ctc_decode(np.ones((1, 1, 2), backend.settings.floatx), np.ones(1, "int32"))

    way = either([*both(check), (Way(Family.CLASSIC, NOT_IMPLEMENTED), not_implemented)], backend.contract,
                 "ctc_decode")
    backend.check.follow("ctc_decode implemented", way)


def _flat(answer: Any) -> list:
    """``[decoded_0, ..., log_prob]`` from ``([decoded, ...], log_prob)``."""
    if not isinstance(answer, (tuple, list)) or len(answer) != 2 or not isinstance(answer[0], (tuple, list)):
        raise Mismatch(f"ctc_decode: expected ([decoded, ...], log_prob), got {answer!r:.80}")
    return list(answer[0]) + [answer[1]]


def _decode(K: Any, options: dict) -> Any:
    return lambda y_pred, lengths: _flat(K.ctc_decode(y_pred, lengths, **options))


@pytest.mark.entry("ctc_decode")
@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("greedy", [True, False], ids=["greedy", "beam"])
@given(data=st.data())
def test_ctc_decode_agrees_with_reference(backend, reference, route, greedy, data):
    implemented_or_not(backend, lambda: _agrees_with_reference(backend, reference, route, greedy, data))


def _agrees_with_reference(backend: Any, reference: Any, route: str, greedy: bool, data: Any) -> None:
    floatx = backend.settings.floatx
    batch, steps, classes = data.draw(st.tuples(st.integers(1, 3), st.integers(1, MAX_STEPS),
                                                st.integers(2, MAX_CLASSES)), label="batch, time, classes")
    counts = np.array(data.draw(st.lists(st.integers(1, 4), min_size=batch * steps * classes,
                                         max_size=batch * steps * classes), label="m")).reshape(batch, steps, classes)
    y_pred = (counts * WEIGHTS[:steps, :classes]).astype(floatx)
    lengths = np.array(data.draw(st.lists(st.integers(1, steps), min_size=batch, max_size=batch),
                                 label="input_length"), dtype="int32")
    options = {} if greedy else {"top_paths": data.draw(st.integers(1, 2), label="top_paths")}
    what = f"ctc_decode(y_pred of shape {y_pred.shape}, input_length={lengths.tolist()}, greedy={greedy}" \
           + "".join(f", {k}={v}" for k, v in options.items()) + f") by the {route} route"
    options["greedy"] = greedy
    expected = evaluate(reference, "eager", _decode(reference, options), y_pred, lengths, what=what)
    assert_results(evaluate(backend, route, _decode(backend, options), y_pred, lengths, what=what), expected, what)


@pytest.mark.entry("ctc_decode")
@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("case", range(len(PINNED)), ids=[p[0] for p in PINNED])
def test_ctc_decode_pinned(backend, reference, route, case):
    implemented_or_not(backend, lambda: _pinned(backend, reference, route, case))


def _pinned(backend: Any, reference: Any, route: str, case: int) -> None:
    name, y_pred, lengths, options, decoded, log_prob = PINNED[case]
    floatx = backend.settings.floatx
    inputs = (y_pred.astype(floatx), np.array(lengths, dtype="int32"))
    what = f"ctc_decode on {name} by the {route} route"
    found = evaluate(backend, route, _decode(backend, options), *inputs, what=what)
    # The decoded labels are pinned exactly; log_prob against the published digits
    # (and the reference, whose float64 values agree with them: see the catalogue).
    expected = evaluate(reference, "eager", _decode(reference, options), *inputs, what=what)
    if log_prob is not None:  # published to 7 significant digits
        assert_close(expected[-1], log_prob.astype(floatx), f"the reference's log_prob on {name}",
                     rtol=max(1e-6, tolerance(floatx)))
    assert_results(found, list(decoded) + [expected[-1]], what)
