"""A backend entry's parameters against its record's signature, under each contract."""

from __future__ import annotations

import inspect

import pytest

from conformance.catalogue import CATALOGUE, Entry
from conformance.compare import Mismatch, Unsupported
from conformance.contract import Contract
from conformance.families import CLASSIC
from conformance.signatures import check_signature, judgeable

SUM = CATALOGUE["sum"]  # x, axis=None, keepdims=False
DEFAULT = Contract.KERAS_2


def signature_of(source: str) -> inspect.Signature:
    namespace: dict = {}
    exec(f"def f({source}): pass", namespace)
    return inspect.signature(namespace["f"])


@pytest.mark.parametrize("source", ["x, axis=None, keepdims=False",
                                    "tensor, axis=None, keepdims=False",  # a required name is free
                                    "x, axis=None, keepdims=False, name=None",  # an extra optional parameter
                                    "x, axis=None, keepdims=False, *, fast=True"])
def test_the_contract_and_optional_extras_pass(source):
    assert check_signature(SUM, signature_of(source), DEFAULT) is None


@pytest.mark.parametrize("source, fragment", [
    ("x, keepdims=False, axis=None", "parameter 2 should be 'axis', got keepdims"),
    ("x, axis=0, keepdims=False", "axis should default to None, has default 0"),
    ("x, axis=None, keepdims=0", "keepdims should default to False, has default 0"),  # 0 is not False
    ("x, axis=None", "parameter 3 should be 'keepdims', got nothing"),
    ("x, axis=None, keepdims=False, *, mode", "extra keyword-only parameter(s) mode must be optional"),
])
def test_departures_are_mismatches(source, fragment):
    with pytest.raises(Mismatch) as raised:
        check_signature(SUM, signature_of(source), DEFAULT)
    assert fragment in str(raised.value) and not isinstance(raised.value, Unsupported)


def test_extra_parameters_must_be_optional():
    with pytest.raises(Mismatch, match="extra parameter 'scale' must be optional"):
        check_signature(CATALOGUE["abs"], signature_of("x, scale"), DEFAULT)


def test_names_keras_passes_by_keyword_are_judged_even_when_required():
    with pytest.raises(Mismatch, match="parameter 3 should be 'initial_states', got states"):
        check_signature(CATALOGUE["rnn"], signature_of("step_function, inputs, states, go_backwards=False"), DEFAULT)


def test_defaults_compare_as_values_of_the_same_kind():
    pool = Entry("pool2d", "x, pool_size, strides=(1, 1)")
    check_signature(pool, signature_of("x, pool_size, strides=[1, 1]"), DEFAULT)
    function = CATALOGUE["function"]  # Theano's function(inputs, outputs, updates=[]) means no updates too
    check_signature(function, signature_of("inputs, outputs, updates=[], name=None"), DEFAULT)


PLACEHOLDER_2_3 = "shape=None, ndim=None, dtype=None, sparse=False, name=None"


def test_lacking_only_newer_parameters_is_the_classic_signature():
    placeholder = CATALOGUE["placeholder"]
    with pytest.raises(Unsupported, match="lacks the newer parameter\\(s\\) ragged"):
        check_signature(placeholder, signature_of(PLACEHOLDER_2_3), Contract.TF_KERAS)
    assert check_signature(placeholder, signature_of(PLACEHOLDER_2_3), DEFAULT) is CLASSIC
    assert check_signature(placeholder, signature_of(PLACEHOLDER_2_3), Contract.CLASSIC) is CLASSIC
    assert check_signature(placeholder, signature_of(PLACEHOLDER_2_3 + ", ragged=False"), DEFAULT) is None


def test_a_bare_wrapper_is_not_judgeable():
    assert not judgeable(signature_of("*args, **kwargs"))
    assert judgeable(signature_of("x, *args, **kwargs"))
