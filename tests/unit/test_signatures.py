"""A backend entry's parameters against its record's signature."""

from __future__ import annotations

import inspect

import pytest

from conformance.catalogue import CATALOGUE, Entry
from conformance.compare import Mismatch, Unsupported
from conformance.signatures import check_signature

SUM = CATALOGUE["sum"]  # x, axis=None, keepdims=False


def signature_of(source: str) -> inspect.Signature:
    namespace: dict = {}
    exec(f"def f({source}): pass", namespace)
    return inspect.signature(namespace["f"])


@pytest.mark.parametrize("source", ["x, axis=None, keepdims=False",
                                    "x, axis=None, keepdims=False, name=None",  # an extra optional parameter
                                    "x, axis=None, keepdims=False, *, fast=True"])
def test_the_contract_and_optional_extras_pass(source):
    check_signature(SUM, signature_of(source))


@pytest.mark.parametrize("source, fragment", [
    ("x, keepdims=False, axis=None", "parameter 2 should be 'axis', got keepdims"),
    ("x, axis=0, keepdims=False", "axis should default to None, has default 0"),
    ("x, axis=None, keepdims=0", "keepdims should default to False, has default 0"),  # 0 is not False
    ("x, axis=None", "parameter 3 should be 'keepdims', got nothing"),
    ("x, axis=None, keepdims=False, *, mode", "extra keyword-only parameter(s) mode must be optional"),
])
def test_departures_are_mismatches(source, fragment):
    with pytest.raises(Mismatch) as raised:
        check_signature(SUM, signature_of(source))
    assert fragment in str(raised.value) and not isinstance(raised.value, Unsupported)


def test_extra_parameters_must_be_optional():
    with pytest.raises(Mismatch, match="extra parameter 'scale' must be optional"):
        check_signature(CATALOGUE["abs"], signature_of("x, scale"))


def test_defaults_compare_as_values_of_the_same_kind():
    pool = Entry("pool2d", "x, pool_size, strides=(1, 1)")
    check_signature(pool, signature_of("x, pool_size, strides=[1, 1]"))


def test_lacking_only_newer_parameters_is_unsupported():
    with pytest.raises(Unsupported, match="lacks the newer parameter\\(s\\) ragged"):
        check_signature(CATALOGUE["placeholder"],
                        signature_of("shape=None, ndim=None, dtype=None, sparse=False, name=None"))
