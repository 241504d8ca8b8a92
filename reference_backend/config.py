"""Configuration: float precision, fuzz factor and image layout.

Standalone, the three settings live in module globals, read once from
``keras.json`` at import (``$KERAS_HOME/keras.json``, else ``~/.keras/keras.json``)
exactly as Keras 2 reads them. Unlike Keras, the reference never *writes* that file.

Loaded by classic Keras 2.2/2.3, the settings are Keras' own: its loader
(``keras/backend/load_backend.py``) keeps ``floatx``, ``set_floatx``, ``epsilon``, ...
of ``keras/backend/common.py`` and never copies a backend's, so a backend with a
private copy would not see ``keras.backend.set_floatx``. Whenever that module has been
imported, every getter and setter here reads and writes its settings instead (one
source of truth; Keras itself is never imported here).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np

__all__ = [
    "floatx",
    "set_floatx",
    "epsilon",
    "set_epsilon",
    "image_data_format",
    "set_image_data_format",
    "normalize_data_format",
    "cast_to_floatx",
    "backend",
    "symbolic",
    "eager",
]

FLOAT_TYPES = ("float16", "float32", "float64")
DATA_FORMATS = ("channels_first", "channels_last")

_FLOATX = "float32"
_EPSILON = 1e-7
_IMAGE_DATA_FORMAT = "channels_last"


def keras_common() -> ModuleType | None:
    """Classic Keras 2.2/2.3's ``keras.backend.common``, when it has been imported (its loader
    imports it before any backend); None otherwise (Keras 3 has no such module)."""
    common = sys.modules.get("keras.backend.common")
    return common if common is not None and hasattr(common, "_FLOATX") else None


def floatx() -> str:
    """The default float type: ``'float16'``, ``'float32'`` (default) or ``'float64'``."""
    common = keras_common()
    return str(common.floatx()) if common is not None else _FLOATX


def set_floatx(value: Any) -> None:
    """Set the default float type.

    Accepts exactly the strings in ``FLOAT_TYPES`` (case-sensitive). Anything
    else (other dtypes, case variants, ``None``, numbers) raises ``ValueError``
    and leaves the setting unchanged.
    """
    global _FLOATX
    if not isinstance(value, str) or value not in FLOAT_TYPES:
        raise ValueError(f"Unknown floatx value: {value!r}. Expected one of {FLOAT_TYPES}")
    common = keras_common()
    if common is not None:
        common.set_floatx(value)
    else:
        _FLOATX = value


def epsilon() -> float:
    """The fuzz factor added to denominators and logarithms (default ``1e-7``)."""
    common = keras_common()
    return common.epsilon() if common is not None else _EPSILON


def set_epsilon(value: float) -> None:
    """Set the fuzz factor. Stored as given (tf_keras does not validate it; classic
    Keras 2.3's ``common.set_epsilon`` converts it with ``float``)."""
    global _EPSILON
    common = keras_common()
    if common is not None:
        common.set_epsilon(value)
    else:
        _EPSILON = value


def image_data_format() -> str:
    """The default image layout: ``'channels_last'`` (default) or ``'channels_first'``."""
    common = keras_common()
    return str(common.image_data_format()) if common is not None else _IMAGE_DATA_FORMAT


def set_image_data_format(data_format: Any) -> None:
    """Set the default image layout.

    Accepts exactly ``'channels_first'`` or ``'channels_last'`` (case-sensitive);
    anything else raises ``ValueError`` and leaves the setting unchanged.
    """
    global _IMAGE_DATA_FORMAT
    if not isinstance(data_format, str) or data_format not in DATA_FORMATS:
        raise ValueError(
            f"Unknown data_format: {data_format!r}. Expected one of {DATA_FORMATS}"
        )
    common = keras_common()
    if common is not None:
        common.set_image_data_format(data_format)
    else:
        _IMAGE_DATA_FORMAT = data_format


def normalize_data_format(value: str | None) -> str:
    """Classic Keras helper: ``None`` means ``image_data_format()``; otherwise
    the lower-cased value, which must be a known layout (else ``ValueError``)."""
    if value is None:
        return image_data_format()
    lowered = value.lower()
    if lowered not in DATA_FORMATS:
        raise ValueError(
            'The `data_format` argument must be one of "channels_first", '
            f'"channels_last". Received: {value!r}'
        )
    return lowered


def cast_to_floatx(x: Any) -> np.ndarray:
    """``x`` as a numpy array of dtype ``floatx()``; a Python scalar gives a 0-d array."""
    return np.asarray(x, dtype=floatx())


def backend() -> str:
    """The backend's name, a string: tf_keras answers ``'tensorflow'``, classic
    Keras 2 the configured backend name; the reference answers its module name."""
    return __name__.partition(".")[0]


def symbolic(func: Callable) -> Callable:
    """Classic Keras 2.3 decorator: ``func`` run inside the Keras graph (TF2
    backend); a no-op elsewhere. The reference has one mode, so it answers
    ``func``, which computes the same for the same arguments."""
    return func


def eager(func: Callable) -> Callable:
    """Classic Keras 2.3 decorator: ``func`` run in eager mode (TF2 backend);
    a no-op elsewhere. The reference answers ``func`` (see ``symbolic``)."""
    return func


def keras_json_path() -> str:
    """Where Keras 2 looks for its config file: ``$KERAS_HOME/keras.json`` or ``~/.keras/keras.json``."""
    keras_dir = os.environ.get("KERAS_HOME") or os.path.join(os.path.expanduser("~"), ".keras")
    return os.path.join(keras_dir, "keras.json")


def _load_keras_json() -> None:
    """Apply the settings of keras.json, as Keras 2 does at import.

    A file that is not JSON is ignored (Keras 2 falls back to the defaults);
    a known key with an invalid value raises ``ValueError`` naming the file
    (Keras 2 raises a bare ``AssertionError``).
    """
    global _EPSILON
    if keras_common() is not None:
        return  # Keras 2 has read it into its own settings
    path = keras_json_path()
    try:
        with open(path, encoding="utf-8") as handle:
            settings = json.load(handle)
    except (OSError, ValueError):
        return
    if not isinstance(settings, dict):
        return
    try:
        set_floatx(settings.get("floatx", _FLOATX))
        set_image_data_format(settings.get("image_data_format", _IMAGE_DATA_FORMAT))
    except ValueError as error:
        raise ValueError(f"{path}: {error}") from None
    value = settings.get("epsilon", _EPSILON)
    if not isinstance(value, float):
        raise ValueError(f"{path}: epsilon must be a float, got {value!r}")
    _EPSILON = value


_load_keras_json()
