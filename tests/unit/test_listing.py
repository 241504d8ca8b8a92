"""--list-entries: the contract as a list, in three formats."""

from __future__ import annotations

import json

import pytest

from conformance.catalogue import CATALOGUE
from conformance.listing import FORMATS, entries, render


def test_every_entry_is_listed_with_a_one_line_contract():
    listed = entries()
    assert [item.name for item in listed] == list(CATALOGUE)
    assert all(item.contract and "\n" not in item.contract for item in listed), \
        [item.name for item in listed if not item.contract]


def test_the_three_formats_hold_the_same_entries():
    listed = entries()
    assert len(json.loads(render(listed, "json"))) == len(listed)
    assert len(render(listed, "markdown").splitlines()) == 2 + len(listed)
    text = render(listed, "text")
    assert text.startswith("floatx()\n") and text.endswith(f"\n{len(listed)} entries\n")
    rnn = next(item for item in listed if item.name == "rnn")
    assert "time_major" in rnn.newer and "tf_keras only: " in text


@pytest.mark.parametrize("form", FORMATS)
def test_the_option_prints_the_list_and_runs_nothing(pytester, form):
    result = pytester.runpytest_inprocess(f"--list-entries={form}", "-p", "no:cacheprovider")
    assert result.ret == 0
    assert "conv2d" in result.stdout.str() and "passed" not in result.stdout.str()
