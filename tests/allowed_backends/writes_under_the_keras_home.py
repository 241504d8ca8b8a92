"""Writes where Keras 2 backends write: its keras.json on import (as tf_keras does), a file in the keras
directory and one under ``~`` itself from a call of abs (a dataset cache, a compiled kernel). The run
must keep every write away from the user's home."""

import os as _os

from reference_backend import *  # noqa: F401,F403
from reference_backend import abs as _abs


def _keras_dir():
    # Keras 2's own rule (tf_keras backend_config, Keras 2.3.1 keras/backend/__init__.py): KERAS_HOME, else ~/.keras.
    return _os.environ.get('KERAS_HOME') or _os.path.join(_os.path.expanduser('~'), '.keras')


def _write(path, text):
    _os.makedirs(_os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as file:
        file.write(text)


_write(_os.path.join(_keras_dir(), 'keras.json'), '{"floatx": "float32"}')


def abs(x):
    _write(_os.path.join(_keras_dir(), 'datasets', 'abs.txt'), 'cached')
    _write(_os.path.expanduser('~/.cache/backend/abs.bin'), 'compiled')
    return _abs(x)
