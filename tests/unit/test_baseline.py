"""The baseline file format: what loads, what is refused in one line, what round-trips."""

from __future__ import annotations

import time

import pytest

from conformance.baseline import BaselineError, KnownGap, load, render
from conformance.watchdog import deadline


def write(tmp_path, text: str, name: str = "baseline.toml") -> str:
    path = tmp_path / name
    path.write_text(text)
    return str(path)


ONES_KNOWN = '[[gap]]\nentry = "ones"\ncategory = "bug"\nreason = "ignores dtype, see the issue tracker"\n'


# -- the file format ---------------------------------------------------------------------

def test_a_valid_file_loads_every_field(tmp_path):
    baseline = load(write(tmp_path, ONES_KNOWN + '\n[[gap]]\nentry = "rnn"\ncheck = "test_rnn_every_flag_together[*]"\n'
                                                 'category = "known-difference"\nreason = """two\nlines"""\n'))
    assert baseline.gaps == (KnownGap("ones", "bug", "ignores dtype, see the issue tracker"),
                             KnownGap("rnn", "known-difference", "two\nlines", "test_rnn_every_flag_together[*]"))


@pytest.mark.parametrize("text, fragment", [
    ("[[gap]\nentry = 1", "is not valid TOML"),
    ("title = 'x'\n" + ONES_KNOWN, "unknown top-level key 'title'"),
    ("gap = 3\n", "'gap' must be an array of tables"),
    (ONES_KNOWN + 'severity = "high"\n', "gap 1: unknown key 'severity'"),
    ('[[gap]]\nentry = "ones"\nreason = "r"\n', "gap 1: missing 'category'"),
    (ONES_KNOWN.replace('"bug"', '"wontfix"'), "category 'wontfix' is not one of unsupported, known-difference, bug"),
    (ONES_KNOWN.replace('"ones"', '"onez"'), "gap 1: 'onez' is not an entry of the catalogue"),
    (ONES_KNOWN.replace('"ignores dtype, see the issue tracker"', '"  "'), "'reason' must be a non-empty string"),
    (ONES_KNOWN + '\n' + ONES_KNOWN.replace('"ones"', '7'), "gap 2: 'entry' must be a non-empty string; got 7"),
])
def test_bad_files_are_one_clear_line(tmp_path, text, fragment):
    path = write(tmp_path, text)
    with pytest.raises(BaselineError) as raised:
        load(path)
    message = str(raised.value)
    assert fragment in message and path in message and "\n" not in message, message


@pytest.mark.parametrize("floatx", ['"float64"', '["float128"]', "[]"])
def test_floatx_must_be_a_list_of_float_types(tmp_path, floatx):
    with pytest.raises(BaselineError, match="'floatx' must be a non-empty list of float16, float32, float64"):
        load(write(tmp_path, ONES_KNOWN + f"floatx = {floatx}\n"))


def test_unreadable_file(tmp_path):
    with pytest.raises(BaselineError, match="cannot read baseline .*nothing.toml"):
        load(str(tmp_path / "nothing.toml"))


def test_check_patterns_take_brackets_literally():
    gap = KnownGap("rnn", "bug", "r", "test_rnn_every_flag_together[*]")
    assert gap.covers("rnn", "test_rnn_every_flag_together[graph]")
    assert not gap.covers("rnn", "test_rnn_every_flag_togethere")
    assert not gap.covers("function", "test_rnn_every_flag_together[graph]")
    assert KnownGap("rnn", "bug", "r").covers("rnn", "anything")


def test_many_stars_take_no_time():
    gap = KnownGap("rnn", "bug", "r", "test_" + "*" * 30 + "!")
    started = time.perf_counter()
    with deadline(5):  # a backtracking pattern never finishes: stopped here, the test fails
        assert not gap.covers("rnn", "test_rnn_every_flag_together[graph-" + "x" * 200 + "]")
    assert time.perf_counter() - started < 0.5


def test_render_round_trips(tmp_path):
    gaps = [KnownGap("ones", "bug", 'quotes " and \\ backslash\nand a newline', "test_x[graph]"),
            KnownGap("rnn", "unsupported", "plain")]
    path = write(tmp_path, render(gaps, "a header\nof two lines"))
    assert load(path).gaps == tuple(gaps)
