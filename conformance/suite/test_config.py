"""config: floatx, epsilon, image data format, their setters, cast_to_floatx, keras.json at import."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import example
from hypothesis import strategies as st

from conformance.compare import Mismatch, assert_close, assert_equal, expect_raises
from conformance.fresh_import import CUSTOM, DEFAULTS, SETTINGS, describe, settings_after_import
from conformance.strategies import FLOAT_TYPES, arrays, given

DATA_FORMATS = ("channels_first", "channels_last")

@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.entry(n), id=n) for n in SETTINGS])
@pytest.mark.parametrize("keras_json", ["default", "custom"])
def test_fresh_import_honours_keras_json(fresh_imports, name, keras_json):
    found = settings_after_import(fresh_imports, keras_json)
    expected = (DEFAULTS if keras_json == "default" else CUSTOM)[name]
    if found[name] != expected:
        raise Mismatch(f"{name}() right after import, with {describe(keras_json)} in KERAS_HOME: "
                       f"expected {expected!r}, got {found[name]!r}")


@pytest.mark.entry("floatx")
def test_floatx_is_a_float_type(backend):
    value = backend.floatx()
    if not isinstance(value, str) or value not in FLOAT_TYPES:
        raise Mismatch(f"floatx(): expected one of {FLOAT_TYPES}, got {value!r}")


@pytest.mark.entry("set_floatx")
@pytest.mark.parametrize("value", FLOAT_TYPES)
def test_set_floatx_round_trip(backend, value):
    backend.set_floatx(value)
    assert_equal(backend.floatx(), value, f"floatx() after set_floatx({value!r})")


_NOT_FLOAT_TYPES = st.one_of(
    st.sampled_from(["FLOAT32", "Float64", "float", "bfloat16", "int32", "float32 ", "", "bogus"]),
    st.text(max_size=12), st.none(), st.integers(), st.floats(), st.sampled_from([np.float32, np.float64]),
).filter(lambda value: value not in FLOAT_TYPES)


@pytest.mark.entry("set_floatx")
@given(value=_NOT_FLOAT_TYPES)
@example(value="FLOAT32").via("case variant")
@example(value=None).via("None")
@example(value=32).via("number")
def test_set_floatx_rejects_anything_else(backend, value):
    before = backend.floatx()
    with expect_raises(ValueError, f"set_floatx({value!r})"):
        backend.set_floatx(value)
    assert_equal(backend.floatx(), before, f"floatx() after the rejected set_floatx({value!r})")


@pytest.mark.entry("epsilon")
def test_epsilon_is_a_small_positive_float(backend):
    value = backend.epsilon()
    if not isinstance(value, float) or not 0 < value < 1:
        raise Mismatch(f"epsilon(): expected a float in (0, 1), got {value!r}")


@pytest.mark.entry("set_epsilon")
@given(value=st.floats(min_value=1e-12, max_value=0.5))
def test_set_epsilon_round_trip(backend, value):
    backend.set_epsilon(value)
    assert_equal(backend.epsilon(), value, f"epsilon() after set_epsilon({value!r})")


@pytest.mark.entry("image_data_format")
def test_image_data_format_is_known(backend):
    value = backend.image_data_format()
    if not isinstance(value, str) or value not in DATA_FORMATS:
        raise Mismatch(f"image_data_format(): expected one of {DATA_FORMATS}, got {value!r}")


@pytest.mark.entry("set_image_data_format")
@pytest.mark.parametrize("value", DATA_FORMATS)
def test_set_image_data_format_round_trip(backend, value):
    backend.set_image_data_format(value)
    assert_equal(backend.image_data_format(), value, f"image_data_format() after set_image_data_format({value!r})")


@pytest.mark.entry("set_image_data_format")
@pytest.mark.parametrize("value", ["CHANNELS_LAST", "Channels_First", "channels_middle", "", None, 1, "bogus"])
def test_set_image_data_format_rejects_anything_else(backend, value):
    before = backend.image_data_format()
    with expect_raises(ValueError, f"set_image_data_format({value!r})"):
        backend.set_image_data_format(value)
    assert_equal(backend.image_data_format(), before,
                 f"image_data_format() after the rejected set_image_data_format({value!r})")


@pytest.mark.entry("normalize_data_format")
@pytest.mark.parametrize("value, expected", [("channels_first", "channels_first"),
                                             ("channels_last", "channels_last"),
                                             ("CHANNELS_LAST", "channels_last"),
                                             ("Channels_First", "channels_first")])
def test_normalize_data_format_lower_cases(backend, value, expected):
    assert_equal(backend.normalize_data_format(value), expected, f"normalize_data_format({value!r})")


@pytest.mark.entry("normalize_data_format")
def test_normalize_data_format_none_means_the_default(backend):
    assert_equal(backend.normalize_data_format(None), backend.image_data_format(), "normalize_data_format(None)")


@pytest.mark.entry("normalize_data_format")
@pytest.mark.parametrize("value", ["channels_middle", "", "bogus"])
def test_normalize_data_format_rejects_unknown(backend, value):
    with expect_raises(ValueError, f"normalize_data_format({value!r})"):
        backend.normalize_data_format(value)


@pytest.mark.entry("cast_to_floatx")
@given(x=st.one_of(arrays("float64"), arrays("int32"), arrays("bool")))
def test_cast_to_floatx_arrays(backend, x):
    floatx = backend.floatx()
    with np.errstate(over="ignore"):
        expected = x.astype(floatx)
    result = backend.cast_to_floatx(x)
    if not isinstance(result, np.ndarray):
        raise Mismatch(f"cast_to_floatx(array): expected a numpy array, got {type(result).__name__}")
    assert_close(result, expected, "cast_to_floatx(x)")


@pytest.mark.entry("cast_to_floatx")
@pytest.mark.parametrize("value", [1.5, 3, True, [1, 2.5]])
def test_cast_to_floatx_python_values(backend, value):
    result = backend.cast_to_floatx(value)
    if not isinstance(result, np.ndarray):
        raise Mismatch(f"cast_to_floatx({value!r}): expected a numpy array (0-d for a scalar), "
                       f"got {type(result).__name__}")
    assert_close(result, np.asarray(value, dtype=backend.floatx()), f"cast_to_floatx({value!r})")
