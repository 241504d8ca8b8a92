"""Hypothesis plumbing for the checks: ``given`` and the input strategies.

``given`` is hypothesis' ``given`` plus per-example isolation: each example
starts a fresh call log (so a failure reproduces the minimal example only)
and leaves the backend's configuration as it found it.
"""

from __future__ import annotations

import functools
from typing import Any, Callable

import hypothesis
import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as npst

from .compare import Mismatch
from .config_guard import isolated
from .recording import start_log

FLOAT_TYPES = ("float16", "float32", "float64")


_examples = 0  # hypothesis examples run by the current check


def restart_example_count() -> None:
    """Start counting the examples of a new check."""
    global _examples
    _examples = 0


def example_count() -> int:
    """How many hypothesis examples the current check has run."""
    return _examples


def given(*args: Any, **kwargs: Any) -> Callable:
    """``hypothesis.given`` with a fresh call log and config isolation per example."""

    def decorate(check: Callable) -> Callable:
        @functools.wraps(check)
        def each_example(*a: Any, **k: Any) -> Any:
            global _examples
            _examples += 1
            start_log()
            with isolated() as problems:
                result = check(*a, **k)
            if problems:
                raise Mismatch("the example changed the configuration and it could not be restored: "
                               + "; ".join(problems))
            return result

        return hypothesis.given(*args, **kwargs)(each_example)

    return decorate


def shapes(min_dims: int = 0, max_dims: int = 4, min_side: int = 0, max_side: int = 4) -> st.SearchStrategy:
    """Array shapes, size-1 and empty dimensions included by default."""
    return npst.array_shapes(min_dims=min_dims, max_dims=max_dims, min_side=min_side, max_side=max_side)


def arrays(dtype: str, shape: Any = None, finite: bool = False) -> st.SearchStrategy:
    """Arrays of ``dtype`` (any float type, or an integer or bool dtype);
    floats include NaN and infinities unless ``finite``."""
    dtype = np.dtype(dtype)
    shape = shapes() if shape is None else shape
    if dtype.kind == "f":
        elements = st.floats(width=dtype.itemsize * 8, allow_nan=not finite, allow_infinity=not finite)
    elif dtype.kind == "b":
        elements = st.booleans()
    else:
        info = np.iinfo(dtype)
        elements = st.integers(max(info.min, -1000), min(info.max, 1000))
    return npst.arrays(dtype, shape, elements=elements)
