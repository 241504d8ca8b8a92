"""The baseline file format: what loads, what is refused in one line, what round-trips."""

from __future__ import annotations

import time

import pytest

from conformance.baseline import SHIPPED, BaselineError, KnownGap, load, render, resolve, shipped_names
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
    assert load(write(tmp_path, ONES_KNOWN + "time_limit = 30\n")).gaps[0].time_limit == 30.0


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
    ("gap = [1, 2]\n", "gap 1: expected a table of entry, check, category, reason, floatx, time_limit, written "
     "[[gap]]; got 1"),
    ('gap = [[]]\n', "gap 1: expected a table of entry, check, category, reason, floatx, time_limit, written "
     "[[gap]]; got []"),
    (ONES_KNOWN + "check = 5\n", "gap 1: 'check' must be a non-empty string; got 5"),
    (ONES_KNOWN.replace('reason = "ignores dtype, see the issue tracker"', 'reason = ["a", "b"]'),
     "'reason' must be a non-empty string; got ['a', 'b']"),
    (ONES_KNOWN.replace('category = "bug"', 'category = {kind = "bug"}'),
     "'category' must be a non-empty string; got {'kind': 'bug'}"),
    (ONES_KNOWN + "floatx = [[1]]\n", "'floatx' must be a non-empty list of float16, float32, float64; got [[1]]"),
    (ONES_KNOWN + "floatx = 1979-05-27\n", "got datetime.date(1979, 5, 27)"),
    *((ONES_KNOWN + f"time_limit = {value}\n", f"'time_limit' must be a number of seconds > 0 and at most 86400; "
                                                f"got {shown}")
      for value, shown in [("0", "0"), ("-5", "-5"), ('"60"', "'60'"), ("true", "True"), ("nan", "nan"),
                           ("1e9", "1000000000.0")]),
    ("x = " + "[" * 100_000 + "]" * 100_000 + "\n", "nests arrays or tables too deeply to parse; expected [[gap]]"),
    (ONES_KNOWN + "floatx = " + "[" * 100_000 + "]" * 100_000 + "\n", "nests arrays or tables too deeply"),
])
def test_bad_files_are_one_clear_line(tmp_path, text, fragment):
    path = write(tmp_path, text)
    with pytest.raises(BaselineError) as raised:
        load(path)
    message = str(raised.value)
    assert fragment in message and path in message and "\n" not in message, message


def test_a_file_that_is_not_utf8_is_one_clear_line(tmp_path):
    path = tmp_path / "latin1.toml"
    path.write_bytes(ONES_KNOWN.replace("ignores dtype", "ignor\xe9 dtype").encode("latin-1"))
    with pytest.raises(BaselineError) as raised:
        load(str(path))
    message = str(raised.value)
    assert message == (f"baseline {path} is not UTF-8 text (byte 0xe9 at offset 55); "
                       "expected a TOML file, which is UTF-8"), message


def test_a_huge_value_is_quoted_short(tmp_path):
    path = write(tmp_path, ONES_KNOWN.replace('"ones"', '"' + "o" * 1_000_000 + '"'))
    with pytest.raises(BaselineError, match="is not an entry of the catalogue") as raised:
        load(path)
    assert len(str(raised.value)) < 300 + len(path), str(raised.value)
    assert "more characters cut" in str(raised.value)


@pytest.mark.parametrize("floatx", ['"float64"', '"float32"', '["float128"]', "[]"])
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
            KnownGap("rnn", "unsupported", "plain"),
            KnownGap("cast", "bug", "hangs", "test_cast_*", ("float16",), time_limit=2.5)]
    path = write(tmp_path, render(gaps, "a header\nof two lines"))
    assert load(path).gaps == tuple(gaps)


def test_render_writes_any_text_as_valid_toml(tmp_path):
    gaps = [KnownGap("ones", "bug", "byte \udc80, \x1b[31mred\x1b[0m, nul \x00", "test_x[\udcff]")]
    path = tmp_path / "any.toml"
    path.write_text(render(gaps, "backend version 1.0\x1b[2J \udc80"), encoding="utf-8")
    loaded = load(str(path)).gaps[0]
    assert loaded.reason == "byte \\udc80, \x1b[31mred\x1b[0m, nul \x00" and loaded.check == "test_x[\\udcff]"
    assert path.read_text().startswith("# backend version 1.0\\x1b[2J \\udc80\n")


# -- shipped baselines, by name -----------------------------------------------------------

@pytest.mark.parametrize("name", shipped_names())
def test_every_shipped_baseline_loads_by_its_name(name):
    assert resolve(name) == str(SHIPPED / f"{name}.toml")
    assert load(resolve(name)).gaps


def test_a_file_wins_over_a_shipped_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tf_keras").write_text(ONES_KNOWN)
    assert resolve("tf_keras") == "tf_keras"
    assert resolve("sub/tf_keras") == "sub/tf_keras" and resolve("mine.toml") == "mine.toml"


def test_an_unknown_name_lists_the_shipped_ones():
    with pytest.raises(BaselineError, match="expected a TOML file or the name of a shipped baseline .*tf_keras"):
        load(resolve("tf_kears"))
