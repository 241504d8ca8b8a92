"""What a test runner's exceptions raised by the backend's code become: the backend's error, blamed on
the entry whose answer (or exception) it came from."""

from __future__ import annotations

import unittest

import pytest
from hypothesis.errors import UnsatisfiedAssumption

from conformance.escapes import BackendMisbehaved, NotJudged, misbehaviour, runner_control, screened
from conformance.recording import RecordedCall


class Shape(tuple):
    def __iter__(self):
        raise unittest.SkipTest("no shapes")


def raised_by(function) -> BaseException:
    try:
        function()
    except BaseException as error:  # noqa: B036 - the test inspects whatever it was
        return error
    raise AssertionError("expected an exception")


def test_runner_control_names_what_a_runner_makes_of_an_exception():
    assert runner_control(unittest.SkipTest("x")) == "unittest's SkipTest"
    assert runner_control(UnsatisfiedAssumption()) == "hypothesis' UnsatisfiedAssumption"
    assert runner_control(raised_by(lambda: pytest.skip("x"))) == "pytest's Skipped"
    assert runner_control(NotJudged("the suite's own")) == "" and runner_control(ValueError()) == ""


def test_a_skip_from_an_item_of_an_answered_tuple_is_blamed_on_the_entry_that_answered_it():
    shape = Shape((2, 3))
    call = RecordedCall("int_shape", (), {}, result=(shape,))
    error = raised_by(lambda: list(shape))
    misbehaved = misbehaviour(error, [call])
    assert misbehaved.entry == "int_shape"
    assert str(misbehaved) == "int_shape answered a Shape whose __iter__ raised unittest's SkipTest: no shapes"


def test_what_may_escape_a_check():
    ordinary, exiting = ValueError("wrong"), SystemExit(3)
    assert screened(ordinary, []) is ordinary
    assert isinstance(screened(exiting, []), BackendMisbehaved)
    assert str(screened(exiting, [])) == "SystemExit escaped the check outside any call of an entry: 3"
    keyboard = KeyboardInterrupt()
    assert screened(keyboard, []) is keyboard
