"""Wildcard patterns of baseline checks: * any text, ? one character, the rest literal; never slow."""

from __future__ import annotations

import re
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from conformance.watchdog import deadline
from conformance.wildcards import Wildcards


def backtracking(pattern: str, text: str) -> bool:
    """The obvious regular expression: right, and fast enough on short texts."""
    regex = re.escape(pattern).replace(r"\*", ".*").replace(r"\?", ".")
    return re.fullmatch(regex, text, re.DOTALL) is not None


@settings(max_examples=500, database=None, derandomize=True)
@given(st.text("ab*?[]\n", max_size=8), st.text("ab[]\n", max_size=10))
def test_matches_as_the_obvious_regular_expression(pattern, text):
    assert Wildcards(pattern).matches(text) == backtracking(pattern, text)


def test_brackets_are_literal():
    assert Wildcards("test_x[*]").matches("test_x[graph]")
    assert not Wildcards("test_x[ab]").matches("test_xa")
    assert Wildcards("a?c").matches("abc") and not Wildcards("a?c").matches("ac")


def test_many_stars_against_a_long_name_that_does_not_match_take_no_time():
    name = "test_rnn_every_flag_together[graph-" + "x" * 2000 + "]"
    started = time.perf_counter()
    with deadline(5):  # a backtracking matcher never finishes: stopped here, the test fails
        assert not Wildcards("test_" + "*" * 30 + "!").matches(name)
        assert not Wildcards("*x" * 30 + "*!*").matches(name)
        assert Wildcards("test_" + "*" * 30 + "]").matches(name)
    assert time.perf_counter() - started < 0.5
