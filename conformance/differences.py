"""Central finite differences: the gradient checks' estimate of a gradient from a forward pass alone.

``central_differences(total, point)`` estimates the gradient of the scalar
function ``total`` at ``point`` one element at a time, with the step

    h = STEP * max(1, |point[i]|),    (total(point + h e_i) - total(point - h e_i)) / (2 h)

Callers evaluate ``total`` in float64 (the backend's own forward on float64
placeholders), so the estimate's error is the truncation error
``h**2 * |f'''| / 6`` plus the rounding error ``~ 4 * eps64 * |f| / h``.
``suite/test_gradients.py`` bounds both for its losses (``FINITE_DIFFERENCE_ERROR``);
``suite/test_entry_gradients.py`` uses the estimate only where the reference's
own differences agree with its exact gradient (away from kinks);
``benchmarks/bench_gradients.py`` measures the reference's exact gradients against it.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

__all__ = ["FINITE_DIFFERENCE_ERROR", "STEP", "central_differences"]

STEP = 2.0 ** -17
FINITE_DIFFERENCE_ERROR = 1e-8


def central_differences(total: Callable[[np.ndarray], float], point: np.ndarray) -> np.ndarray:
    """The central differences of ``total`` (a scalar function of an array) at ``point``, in float64."""
    point = np.asarray(point, dtype=np.float64)
    gradient = np.zeros(point.shape)
    for index in np.ndindex(point.shape):
        h = STEP * max(1.0, abs(float(point[index])))
        up, down = point.copy(), point.copy()
        up[index] += h
        down[index] -= h
        gradient[index] = (total(up) - total(down)) / (2 * h)
    return gradient
