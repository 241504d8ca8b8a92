"""profiles.key_examples_by_check: a derandomized check draws by its name, not by its source text;
profiles.shrink_unless_expected: a check the baseline expects to fail reports its first failing draw."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import hypothesis
import pytest
from hypothesis import strategies as st

from conformance.profiles import key_examples_by_check, shrink_unless_expected


def _checks(derandomize: bool = True) -> tuple[list[int], Callable[[], None], Callable[[], None]]:
    """Two checks drawing the same way with different bodies, and the list both append their draws to."""
    drawn: list[int] = []
    settings = hypothesis.settings(max_examples=8, database=None, derandomize=derandomize)

    @settings
    @hypothesis.given(st.integers())
    def judging_one_way(x):
        drawn.append(x)

    @settings
    @hypothesis.given(st.integers())
    def judging_another_way(x):
        if x is not None:  # another body: hypothesis would digest other source text
            drawn.append(x)

    return drawn, judging_one_way, judging_another_way


def _run(check: Callable[[], None], drawn: list[int], nodeid: str | None) -> list[int]:
    if nodeid is not None:
        key_examples_by_check(SimpleNamespace(obj=check, path=Path(nodeid.split("::")[0]), nodeid=nodeid))
    drawn.clear()
    check()
    return list(drawn)


def test_an_edited_body_draws_the_same_examples():
    drawn, one, another = _checks()
    name = "conformance/suite/test_math.py::test_entry[abs]"
    assert _run(one, drawn, name) == _run(another, drawn, name)


def test_without_the_key_hypothesis_digests_the_source():
    """What the key replaces: each body drew examples of its own."""
    drawn, one, another = _checks()
    assert _run(one, drawn, None) != _run(another, drawn, None)


def test_the_key_is_the_file_name_and_the_check():
    drawn, one, _ = _checks()
    site_packages = ".tox/py311/lib/python3.11/site-packages"
    installed = _run(one, drawn, f"{site_packages}/conformance/suite/test_math.py::test_entry[abs]")
    checkout = _run(one, drawn, "test_math.py::test_entry[abs]")
    other_entry = _run(one, drawn, "test_math.py::test_entry[sqrt]")
    assert installed == checkout
    assert other_entry != checkout


def test_a_random_profile_is_left_to_hypothesis():
    drawn, one, _ = _checks(derandomize=False)
    key_examples_by_check(SimpleNamespace(obj=one, path=Path("test_math.py"), nodeid="test_math.py::test_entry[abs]"))
    assert one._hypothesis_internal_use_seed is None


def _failing_check() -> tuple[list[int], Callable[[], None]]:
    """A check failing on every draw above 1000, and the list of what it was called with."""
    tried: list[int] = []

    @hypothesis.settings(max_examples=50, database=None, derandomize=True)
    @hypothesis.given(st.integers(min_value=0))
    def check(x):
        tried.append(x)
        assert x <= 1000

    return tried, check


def _first_failure(check: Callable[[], None], tried: list[int], expected: bool) -> tuple[int, int]:
    """(the calls made, the value of the last: the one reported) of a run of ``check``."""
    shrink_unless_expected(SimpleNamespace(obj=check), expected)
    tried.clear()
    with pytest.raises(AssertionError):
        check()
    return len(tried), tried[-1]


def test_an_expected_failure_is_not_shrunk():
    tried, check = _failing_check()
    calls, reported = _first_failure(check, tried, expected=True)
    assert reported > 1001  # the first failing draw, as drawn
    shrunk_calls, shrunk = _first_failure(check, tried, expected=False)
    assert shrunk == 1001 and shrunk_calls > calls  # the same check shrinks again once nothing expects it to fail


def test_the_shrink_phase_alone_is_left_out():
    _, check = _failing_check()
    own = check._hypothesis_internal_use_settings
    shrink_unless_expected(SimpleNamespace(obj=check), expected=True)
    changed = check._hypothesis_internal_use_settings
    assert set(own.phases) - set(changed.phases) == {hypothesis.Phase.shrink}
    assert (changed.max_examples, changed.derandomize) == (own.max_examples, own.derandomize)
