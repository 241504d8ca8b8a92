"""The run's own home: where the backend may write, instead of the user's home.

From before the import to the end of the run, ``KERAS_HOME`` names a fresh empty
directory (``<sandbox>/.keras``), unless the user set ``KERAS_HOME``: then it is
theirs, as Keras 2 reads it. Both Keras 2 families read ``KERAS_HOME`` before
``~/.keras``, so a backend's ``keras.json`` (tf_keras writes one on import),
datasets and models never touch the user's ``~/.keras``, and its settings are
the defaults plus ``--floatx``/``--image-data-format``.

While a check runs, ``HOME`` names the sandbox too, so a backend that writes
under ``~`` itself writes there. The import and everything outside checks keep
the user's ``HOME``: the backend's own configuration (``~/.theanorc``, Theano's
compile cache) and user site-packages are found through it, and the processes
the run starts (xdist workers, the fresh interpreters of ``fresh_import``, which
have temporary homes of their own for ``KERAS_HOME``) must find them too.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator, MutableMapping


class Sandbox:
    """A directory of the run's own; ``KERAS_HOME`` points into it from construction to ``close``
    (unless ``environ`` already names one), and ``HOME`` within ``checking``."""

    def __init__(self, environ: MutableMapping[str, str] = os.environ):
        self._environ = environ
        self._directory = tempfile.TemporaryDirectory(prefix="conformance-home-")
        self.path = self._directory.name
        self._sets_keras_home = not environ.get("KERAS_HOME")
        if self._sets_keras_home:
            keras_home = os.path.join(self.path, ".keras")
            os.mkdir(keras_home)
            environ["KERAS_HOME"] = keras_home

    @contextlib.contextmanager
    def checking(self) -> Iterator[None]:
        """Run a check with ``HOME`` in the sandbox."""
        home = self._environ.get("HOME")
        self._environ["HOME"] = self.path
        try:
            yield
        finally:
            if home is None:
                self._environ.pop("HOME", None)
            else:
                self._environ["HOME"] = home

    def close(self) -> None:
        """Give ``KERAS_HOME`` back and remove the directory (the process that made it, at the end of the run)."""
        if self._sets_keras_home:
            self._environ.pop("KERAS_HOME", None)
        self._directory.cleanup()
