"""The one comparison every check uses: shape, dtype, special values, then a tolerance in epsilons."""

from __future__ import annotations

import numpy as np
import pytest

from conformance.compare import (
    Mismatch,
    as_numpy,
    assert_close,
    assert_equal,
    assert_results,
    expect_raises,
    require_tensor,
    tolerance,
)
from conformance.contract import DEFAULT_TOLERANCE


def test_tolerance_is_epsilons_of_the_dtype():
    assert tolerance("float32") == DEFAULT_TOLERANCE * np.finfo("float32").eps
    assert tolerance("float16", 1024) == 1024 * np.finfo("float16").eps
    assert tolerance("int32") == 0.0 and tolerance("bool") == 0.0


@pytest.mark.parametrize("actual, expected, fragment", [
    (np.zeros((2, 3), "float32"), np.zeros((3, 2), "float32"), "expected shape (3, 2), got (2, 3)"),
    (np.zeros(2, "float64"), np.zeros(2, "float32"), "expected dtype float32, got float64"),
    (np.array([1.0, np.nan], "float32"), np.array([1.0, 2.0], "float32"), "NaN placement differs at index (1,)"),
    (np.array([np.inf], "float32"), np.array([-np.inf], "float32"), "+inf placement differs at index (0,)"),
    (np.array([1, 2], "int32"), np.array([1, 3], "int32"), "at index (1,) expected 3, got 2"),
    (np.array(True), np.array(False), "at index () expected"),  # a 0-d answer is judged too
    (np.array(np.nan, "float32"), np.array(1.0, "float32"), "NaN placement differs at index ()"),
    ([1.0], np.array([1.0]), "expected a numpy array, got list"),
])
def test_each_kind_of_difference_is_named(actual, expected, fragment):
    with pytest.raises(Mismatch) as raised:
        assert_close(actual, expected, "f(x)")
    assert str(raised.value).startswith("f(x): ") and fragment in str(raised.value), str(raised.value)


def test_values_within_the_tolerance_pass_and_the_worst_element_is_named_otherwise():
    expected = np.array([1.0, 100.0, -3.0], "float32")
    t = tolerance("float32")
    assert_close(expected * (1 + t / 2), expected, "f(x)")
    off = expected.copy()
    off[1] = 100.0 * (1 + 4 * t)
    message = r"worst element at index \(1,\): expected 100\.0, got 100\.000.* > tolerance 1\.91e-06"
    with pytest.raises(Mismatch, match=message):
        assert_close(off, expected, "f(x)")


def test_the_sign_of_zero_is_not_judged():
    # The policy (see assert_close): neither Keras 2 family states the sign of a zero.
    assert_close(np.array([-0.0, 0.0]), np.array([0.0, -0.0]), "round(x)")


def test_several_results_are_compared_one_by_one():
    expected = [np.zeros(2, "float32"), np.ones(3, "int64")]
    assert_results([np.zeros(2, "float32"), np.ones(3, "int64")], expected, "f(x)")
    with pytest.raises(Mismatch, match="f\\(x\\): expected 2 results, got ndarray"):
        assert_results(np.zeros(2), expected, "f(x)")
    with pytest.raises(Mismatch, match="f\\(x\\), result 1: expected dtype int64"):
        assert_results([np.zeros(2, "float32"), np.ones(3, "int32")], expected, "f(x)")


def test_plain_answers_compare_by_type_and_value():
    assert_equal(np.int64(3), 3, "ndim(x)")  # a numpy integer is an int
    with pytest.raises(Mismatch, match="expected 'float32' \\(str\\), got 1 \\(int\\)"):
        assert_equal(1, "float32", "floatx()")
    with pytest.raises(Mismatch, match="expected \\(2, 3\\), got \\(3, 2\\)"):
        assert_equal((3, 2), (2, 3), "int_shape(x)")


def test_expect_raises_names_what_happened_instead():
    with expect_raises(ValueError, "f(-1)"):
        raise ValueError("refused")
    with pytest.raises(Mismatch, match="f\\(-1\\): expected ValueError, got TypeError: no"):
        with expect_raises(ValueError, "f(-1)"):
            raise TypeError("no")
    with pytest.raises(Mismatch, match="f\\(-1\\): expected ValueError, but nothing was raised"):
        with expect_raises(ValueError, "f(-1)"):
            pass


@pytest.mark.parametrize("value", [None, [1], (1,), np.zeros(2), np.float32(1), 1.5, "x"])
def test_what_is_no_tensor_is_refused(value):
    with pytest.raises(Mismatch, match="expected a backend tensor"):
        require_tensor(value, "f(x)")


def test_numpy_scalars_read_as_arrays():
    assert as_numpy(np.float32(2), "eval(x)").shape == ()
