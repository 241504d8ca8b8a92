"""Which backend is tested, as Keras 2 resolves it: --backend > KERAS_BACKEND > keras.json > reference."""

from __future__ import annotations

import json

import pytest

from conformance.loading import BackendLoadError, import_backend, resolve_backend_name


def keras_home(tmp_path, settings=None):
    if settings is not None:
        (tmp_path / "keras.json").write_text(json.dumps(settings))
    return {"KERAS_HOME": str(tmp_path)}


def test_option_wins(tmp_path):
    env = {**keras_home(tmp_path, {"backend": "from_json"}), "KERAS_BACKEND": "from_env"}
    assert resolve_backend_name("from_option", env).name == "from_option"


def test_environment_before_keras_json(tmp_path):
    env = {**keras_home(tmp_path, {"backend": "from_json"}), "KERAS_BACKEND": "from_env"}
    choice = resolve_backend_name(None, env)
    assert (choice.name, choice.source) == ("from_env", "KERAS_BACKEND")


def test_keras_json_backend_key(tmp_path):
    choice = resolve_backend_name(None, keras_home(tmp_path, {"backend": "my_package.my_backend"}))
    assert choice.name == "my_package.my_backend"
    assert choice.source.endswith("keras.json")


@pytest.mark.parametrize("settings", [None, {"floatx": "float64"}])
def test_reference_when_no_name_anywhere(tmp_path, settings):
    choice = resolve_backend_name(None, keras_home(tmp_path, settings))
    assert (choice.name, choice.source) == ("reference_backend", "default")


def test_tensorflow_means_tf_keras(tmp_path):
    choice = resolve_backend_name(None, {**keras_home(tmp_path), "KERAS_BACKEND": "tensorflow"})
    assert choice.name == "tf_keras.backend"


def test_import_does_not_touch_the_users_keras_home(monkeypatch, tmp_path):
    monkeypatch.delenv("KERAS_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    loaded = import_backend(resolve_backend_name("reference_backend", {}))
    assert loaded.module.floatx() in ("float16", "float32", "float64")
    assert list(tmp_path.iterdir()) == []


def test_missing_required_entries_error_names_them_all():
    with pytest.raises(BackendLoadError) as caught:
        import_backend(resolve_backend_name("json", {}))  # a module, but not a backend
    assert caught.value.missing_required == ("placeholder", "variable", "function")


@pytest.mark.parametrize("value, word", [("", "empty"), ("  ", "blank")])
def test_an_empty_name_is_refused_not_skipped(tmp_path, value, word):
    # An unset CI variable: testing keras.json's backend or the reference instead would pass by accident.
    env = keras_home(tmp_path, {"backend": "from_json"})
    with pytest.raises(BackendLoadError, match=rf"^--backend is {word} \('{value}'\); expected a module path"):
        resolve_backend_name(value, env)
    with pytest.raises(BackendLoadError, match=rf"^KERAS_BACKEND is {word} \('{value}'\); expected a module path"):
        resolve_backend_name(None, {**env, "KERAS_BACKEND": value})
