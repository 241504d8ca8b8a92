"""The two routes by which a check feeds inputs to an entry and reads its result.

* ``eager``: inputs become variables, the result is read with ``eval``;
* ``graph``: inputs become placeholders (the first dimension unknown), the
  result is computed by a ``function`` called with the input values.

Every entry that computes on tensors is checked on both routes, so a backend
whose graph mode differs from its eager mode is caught.
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from .compare import require_tensor
from .recording import RecordingBackend

ROUTES = ("eager", "graph")


def evaluate(backend: RecordingBackend, route: str, compute: Callable[..., Any], *inputs: np.ndarray,
             what: str) -> Any:
    """``compute(*tensors)`` on the backend with ``inputs`` fed by ``route``;
    returns the result as the backend hands it back (a numpy value if it conforms).
    ``what`` names the computation in failure messages."""
    if route == "eager":
        return read(backend, compute(*[backend.variable(x, dtype=x.dtype.name) for x in inputs]), what)
    placeholders = [backend.placeholder(shape=(None,) + x.shape[1:] if x.ndim else (), dtype=x.dtype.name)
                    for x in inputs]
    function = backend.function(placeholders, [require_tensor(compute(*placeholders), f"{what} of placeholders")])
    results = function(list(inputs))
    return results[0] if isinstance(results, (list, tuple)) and len(results) == 1 else results


def read(backend: RecordingBackend, tensor: Any, what: str) -> Any:
    """``eval(tensor)``, once ``tensor`` is known to be a backend tensor."""
    return backend.eval(require_tensor(tensor, what))
