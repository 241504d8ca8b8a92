"""Traits of a check's inputs, and when one of them explains an entry's failures."""

from __future__ import annotations

import numpy as np

from conformance.recording import CallLog, RecordedCall
from conformance.traits import BROADCAST, SCALAR, ZERO_SIZE, explaining, summary, traits


def log(entry: str, *arrays: np.ndarray) -> CallLog:
    return CallLog([RecordedCall("variable", (array,), {}) for array in arrays] + [RecordedCall(entry, (), {})])


def test_traits_of_the_arrays_a_check_passed():
    assert traits(log("sum", np.zeros((2, 0)))) == {ZERO_SIZE}
    assert traits(log("sum", np.zeros(()))) == {SCALAR}
    assert traits(log("greater", np.zeros((1,)), np.zeros((2,)))) == {BROADCAST}
    assert traits(log("dot", np.zeros((1,)), np.zeros((2,)))) == set()  # dot's shapes differ by design
    assert traits(log("greater", np.zeros((2,)), np.zeros((2,)))) == set()


def test_a_trait_explains_failures_it_is_common_to_with_passing_evidence_without_it():
    examples = [(frozenset({ZERO_SIZE}), False), (frozenset({ZERO_SIZE, SCALAR}), False)] + \
               [(frozenset(), True)] * 3 + [(frozenset({ZERO_SIZE}), True)]
    failing, passes_without = summary(examples)
    assert failing == (ZERO_SIZE,) and passes_without[ZERO_SIZE] == 3
    assert explaining([failing], [passes_without]) == {ZERO_SIZE}
    assert explaining([failing], [{ZERO_SIZE: 2}]) == set()  # too little evidence
    assert explaining([failing, ()], [passes_without]) == set()  # another failure without the trait
