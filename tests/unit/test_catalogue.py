"""The catalogue's records agree with each other and with Keras 2's loader."""

from __future__ import annotations

import inspect

import pytest

from conformance.catalogue import CATALOGUE, CATEGORIES, KERAS_2_3_IMPORTS, REQUIRED_ENTRIES, select_entries
from conformance.catalogue.records import AVAILABILITIES


def test_required_entries_are_those_keras_2_refuses_a_backend_without():
    assert set(REQUIRED_ENTRIES) == {"placeholder", "variable", "function"}


def test_every_name_keras_2_3_1_imports_has_a_record():
    assert KERAS_2_3_IMPORTS - set(CATALOGUE) == set()


@pytest.mark.parametrize("name", list(CATALOGUE))
def test_each_record_is_complete(name):
    entry = CATALOGUE[name]
    assert entry.name == name and entry.category in CATEGORIES and entry.availability in AVAILABILITIES
    if entry.signature is not None:
        assert isinstance(entry.parameters(), dict)  # the signature parses
    for example in entry.examples:
        assert (example.expected is None) != (example.raises is None), f"{name}: {example.why}"


def test_selection_keeps_catalogue_order_and_reads_globs():
    assert select_entries(["conv2d*", "abs"]) == [n for n in CATALOGUE if n in ("abs", "conv2d", "conv2d_transpose")]
    assert select_entries(["no_such_entry"]) == []


def test_every_setting_a_record_reads_is_judged():
    """``Entry.reads`` drives the checks under a changed setting: an entry reading floatx or epsilon
    has a probe in test_settings_in_force (and no probe goes unused); an entry reading the layout has
    ``data_format=None`` and calls drawn in a given layout, as test_conv draws them."""
    from conformance.suite.test_settings_in_force import PROBES, SETTINGS

    assert set(PROBES) == {name for name, entry in CATALOGUE.items() if set(entry.reads) & set(SETTINGS)}
    for name, entry in CATALOGUE.items():
        if "image_data_format" in entry.reads:
            assert entry.calls is not None and entry.parameters()["data_format"].default is None, name
            assert "layouts" in inspect.signature(entry.calls).parameters, name
