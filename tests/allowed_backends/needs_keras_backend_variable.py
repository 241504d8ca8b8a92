"""Importable only when KERAS_BACKEND names it, as keras.backend with KERAS_BACKEND=theano reads it at import."""

import os as _os

if _os.environ.get("KERAS_BACKEND") != __name__:
    raise ImportError(f"KERAS_BACKEND must be {__name__!r}, got {_os.environ.get('KERAS_BACKEND')!r}")

from reference_backend import *  # noqa: E402,F401,F403
