"""config: floatx, epsilon, image data format, their setters, cast_to_floatx, keras.json at import."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pytest
from hypothesis import strategies as st

from conformance.check import given
from conformance.compare import Mismatch, assert_close, assert_equal, expect_raises
from conformance.contract import DATA_FORMATS, FLOAT_TYPES, Family
from conformance.escapes import not_judged
from conformance.fresh_import import CUSTOM, DEFAULTS, SETTINGS, describe, settings_after_import
from conformance.inputs import arrays
from conformance.markers import entry_param, per_entry


@pytest.mark.parametrize("name", per_entry(SETTINGS))
@pytest.mark.parametrize("keras_json", ["default", "custom"])
def test_fresh_import_honours_keras_json(fresh_imports, name, keras_json):
    found = settings_after_import(fresh_imports, keras_json)
    expected = (DEFAULTS if keras_json == "default" else CUSTOM)[name]
    if found[name] != expected:
        raise Mismatch(f"{name}() right after import, with {describe(keras_json)} in KERAS_HOME: "
                       f"expected {expected!r}, got {found[name]!r}")


class ChoiceSetting(NamedTuple):
    """A setting with a fixed set of string values, a getter and a validating setter."""

    getter: str
    setter: str
    choices: tuple[str, ...]
    traps: tuple  # invalid values a backend is likely to accept by mistake


CHOICE_SETTINGS = (
    ChoiceSetting("floatx", "set_floatx", FLOAT_TYPES,
                  ("FLOAT32", "Float64", "float", "bfloat16", "int32", "float32 ", "", None, 32, 1.5, np.float64)),
    ChoiceSetting("image_data_format", "set_image_data_format", DATA_FORMATS,
                  ("CHANNELS_LAST", "Channels_First", "channels_middle", "NHWC", "", None, 1)),
)


def _for_each(role: str) -> list:
    return [entry_param(getattr(s, role), s, id=getattr(s, role)) for s in CHOICE_SETTINGS]


@pytest.mark.parametrize("setting", _for_each("getter"))
def test_getter_answers_a_known_value(backend, setting):
    value = getattr(backend, setting.getter)()
    if not isinstance(value, str) or value not in setting.choices:
        raise Mismatch(f"{setting.getter}(): expected one of {setting.choices}, got {value!r}")


@pytest.mark.parametrize("setting", _for_each("setter"))
def test_setter_round_trip(backend, setting):
    for value in setting.choices:
        getattr(backend, setting.setter)(value)
        assert_equal(getattr(backend, setting.getter)(), value, f"{setting.getter}() after {setting.setter}({value!r})")


def _assert_rejected(backend, setting: ChoiceSetting, value) -> None:
    before = getattr(backend, setting.getter)()
    with expect_raises(ValueError, f"{setting.setter}({value!r})"):
        getattr(backend, setting.setter)(value)
    assert_equal(getattr(backend, setting.getter)(), before,
                 f"{setting.getter}() after the rejected {setting.setter}({value!r})")


@pytest.mark.parametrize("setting", _for_each("setter"))
def test_setter_rejects_likely_mistakes(backend, setting):
    for value in setting.traps:
        _assert_rejected(backend, setting, value)


@pytest.mark.parametrize("setting", _for_each("setter"))
@given(data=st.data())
def test_setter_rejects_any_other_value(backend, setting, data):
    values = st.one_of(st.text(max_size=12), st.integers(), st.floats(), st.none())
    _assert_rejected(backend, setting, data.draw(values.filter(lambda v: v not in setting.choices), label="value"))


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


@pytest.mark.entry("normalize_data_format")
@pytest.mark.parametrize("value, expected", [("channels_first", "channels_first"),
                                             ("channels_last", "channels_last"),
                                             ("CHANNELS_LAST", "channels_last"),
                                             ("Channels_First", "channels_first")])
def test_normalize_data_format_lower_cases(backend, value, expected):
    assert_equal(backend.normalize_data_format(value), expected, f"normalize_data_format({value!r})")


@pytest.mark.entry("normalize_data_format")
def test_normalize_data_format_none_means_the_default(backend):
    assert_equal(backend.normalize_data_format(None), backend.settings.image_data_format, "normalize_data_format(None)")


@pytest.mark.entry("normalize_data_format")
@pytest.mark.parametrize("value", ["channels_middle", "", "bogus"])
def test_normalize_data_format_rejects_unknown(backend, value):
    with expect_raises(ValueError, f"normalize_data_format({value!r})"):
        backend.normalize_data_format(value)


@pytest.mark.entry("cast_to_floatx")
@given(x=st.one_of(arrays("float64"), arrays("int32"), arrays("bool")))
def test_cast_to_floatx_arrays(backend, x):
    floatx = backend.settings.floatx
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
    assert_close(result, np.asarray(value, dtype=backend.settings.floatx), f"cast_to_floatx({value!r})")


@pytest.mark.parametrize("setter", per_entry(("set_floatx", "set_epsilon", "set_image_data_format")))
def test_keras_2_3_loader_shares_the_configuration(backend, keras_loader, setter):
    # Classic Keras 2.3 keeps its own config functions (keras/backend/common.py) and never copies a
    # backend's (keras/backend/load_backend.py:102-106): a classic backend must read Keras' settings.
    if Family.CLASSIC not in backend.contract.families:
        not_judged("classic Keras 2.3's loader: not in the tf_keras contract")
    if "unavailable" in keras_loader:
        not_judged(f"not judged: {keras_loader['unavailable']}; pip install keras==2.3.1 to judge it")
    if "error" in keras_loader:
        not_judged(f"not judged: Keras 2.3's loader cannot load this backend: {keras_loader['error']}")
    what, expected, found = keras_loader[setter]
    if found != expected:
        raise Mismatch(f"{what}: expected {expected}, got {found}. Keras 2.3's loader keeps its own "
                       "floatx/epsilon/image_data_format (keras.backend.common) and never copies the backend's: "
                       "read those settings from keras.backend.common when it is loaded")
