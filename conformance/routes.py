"""The two routes by which a check feeds inputs to an entry and reads its result.

* ``eager``: inputs become variables, the result is read with ``eval``;
* ``graph``: inputs become placeholders (the first dimension unknown), the
  result is computed by a ``function`` called with the input values.

Every entry that computes on tensors is checked on both routes, so a backend
whose graph mode differs from its eager mode is caught.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from .calls import Weights, map_arrays
from .compare import require_tensor

ROUTES = ("eager", "graph")


def evaluate(backend: Any, route: str, compute: Callable[..., Any], *inputs: Any, what: str, **options: Any) -> Any:
    """``compute(*inputs, **options)`` on ``backend`` (the recorded backend
    under test, or the reference module), every numpy array among the
    arguments (also inside lists and tuples) fed as a tensor by ``route``.
    Returns the result as the backend hands it back: a numpy value if it
    conforms, or a list of them when ``compute`` returns a list or tuple of
    tensors. ``what`` names the computation in failure messages."""
    if route == "eager":
        args, kwargs = map_arrays((inputs, options), lambda x: backend.variable(x, dtype=x.dtype.name))
        result = compute(*args, **kwargs)
        if isinstance(result, (list, tuple)):
            return [read(backend, one, f"{what}, result {i}") for i, one in enumerate(result)]
        return read(backend, result, what)
    fed: list[tuple[Any, np.ndarray]] = []

    def placeholder(x: np.ndarray) -> Any:
        static = isinstance(x, Weights) or not x.ndim
        tensor = backend.placeholder(shape=x.shape if static else (None,) + x.shape[1:], dtype=x.dtype.name)
        fed.append((tensor, x))
        return tensor

    args, kwargs = map_arrays((inputs, options), placeholder)
    result = compute(*args, **kwargs)
    several = isinstance(result, (list, tuple))
    outputs = [require_tensor(one, f"{what} of placeholders") for one in (result if several else [result])]
    # An entry may answer a placeholder itself (cast to its own dtype, dropout at test time): its value is
    # the one fed. ``function`` is not asked to fetch it: TF1 refuses a tensor both fed and fetched
    # ("is both fed and fetched"), a limit of its sessions that no Keras 2 model meets (Keras' own
    # functions fetch losses and outputs, never their own inputs).
    fed_values = {id(tensor): x for tensor, x in fed}
    computed = [one for one in outputs if id(one) not in fed_values]
    values = backend.function([tensor for tensor, _ in fed], computed)([x for _, x in fed]) if computed else []
    if isinstance(values, (list, tuple)) and len(values) == len(computed):
        answers = iter(_python_scalar_as_numpy(backend, value, output) for value, output in zip(values, computed))
        values = [fed_values[id(one)] if id(one) in fed_values else next(answers) for one in outputs]
    if several:
        return values
    return values[0] if isinstance(values, (list, tuple)) and len(values) == 1 else values


def _python_scalar_as_numpy(backend: Any, value: Any, output: Any) -> Any:
    """A Python number that ``function`` answers for a rank-0 output (tf_keras'
    function does), read in the output tensor's dtype; anything else unchanged,
    to be judged by the check."""
    if isinstance(value, (bool, int, float)):
        return np.asarray(value, dtype=backend.dtype(output))
    return value


def read(backend: Any, tensor: Any, what: str) -> Any:
    """``eval(tensor)``, once ``tensor`` is known to be a backend tensor."""
    return backend.eval(require_tensor(tensor, what))
