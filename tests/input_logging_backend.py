"""The reference backend, appending the input of every ``abs`` and ``softplus``
call (``repr`` of its values) to the file named by ``$INPUT_LOG``: lets a test
compare the examples two runs draw."""

import os

import numpy as np

import reference_backend
from reference_backend import *  # noqa: F401,F403

__all__ = list(reference_backend.__all__)


def _logged(name: str):
    entry = getattr(reference_backend, name)

    def call(x, *args, **kwargs):
        value = x if isinstance(x, np.ndarray) else None
        if value is None and not reference_backend.is_placeholder(x):
            value = np.asarray(reference_backend.eval(x))
        with open(os.environ["INPUT_LOG"], "a") as log:
            log.write(f"{name} {'placeholder' if value is None else repr(value.tolist())}\n")
        return entry(x, *args, **kwargs)
    call.__name__ = name
    return call


abs = _logged("abs")
softplus = _logged("softplus")
