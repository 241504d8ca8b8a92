"""Linear algebra (category: linear algebra): dot, batch_dot, transpose.

Results keep the inputs' dtype, as tf_keras' do.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .dispatch import op
from .shapes import static_shape

__all__ = ["dot", "batch_dot", "transpose"]


@op
def dot(x, y):
    """Matrix product with ``numpy.dot`` semantics: the last axis of ``x`` is
    contracted with the second-to-last axis of ``y`` (the only axis when ``y``
    is 1-D), so ``(2, 3) . (4, 3, 5) -> (2, 4, 5)``. Both of rank 2: ``x @ y``.
    The result has the inputs' dtype. (tf_keras does not support rank-1 inputs
    when both ranks are <= 2.)"""
    return np.dot(x, y)


def batch_dot(x: Any, y: Any, axes: Any = None) -> Any:
    """Per-sample dot product: for every ``i`` of the shared batch axis 0,
    ``tensordot(x[i], y[i])`` over axis ``axes[0]`` of ``x`` and ``axes[1]`` of ``y``.

    * ``axes``: an int ``a`` means ``(a, a)``; None means ``(x.ndim - 1, 1)``
      when ``y`` has rank 2, else ``(x.ndim - 1, y.ndim - 2)``; negative axes
      count from the end of their own tensor.
    * Result shape: ``x``'s shape without the contracted axis, then ``y``'s
      without its batch and contracted axes; a rank-1 result becomes
      ``(batch, 1)`` (``(32, 20) . (32, 20) -> (32, 1)``).
    * ``ValueError``: a rank below 2, different static batch sizes, nested
      axes, a contracted axis 0, contracted dimensions of different sizes.

    Classic Keras 2.2 differs: its default axes were always ``(x.ndim - 1,
    y.ndim - 2)`` and it padded ranks with trailing ones; this follows tf_keras
    (and Keras 2.3).
    """
    x_shape, y_shape = static_shape(x), static_shape(y)
    if len(x_shape) < 2 or len(y_shape) < 2:
        raise ValueError(f"Cannot do batch_dot on inputs with rank < 2: shapes {x_shape} and {y_shape}")
    if None not in (x_shape[0], y_shape[0]) and x_shape[0] != y_shape[0]:
        raise ValueError(f"Cannot do batch_dot on inputs with different batch sizes: {x_shape} and {y_shape}")
    if axes is None:
        axes = (len(x_shape) - 1, 1 if len(y_shape) == 2 else len(y_shape) - 2)
    elif isinstance(axes, int):
        axes = (axes, axes)
    if any(isinstance(a, (list, tuple)) for a in axes):
        raise ValueError(f"Multiple target dimensions are not supported: axes={axes!r}")
    a0, a1 = (a + len(shape) if a < 0 else a for a, shape in zip(axes, (x_shape, y_shape)))
    if 0 in (a0, a1):
        raise ValueError("Cannot perform batch_dot over axis 0 (the batch axis)")
    if None not in (x_shape[a0], y_shape[a1]) and x_shape[a0] != y_shape[a1]:
        raise ValueError(f"Cannot do batch_dot on inputs with shapes {x_shape} and {y_shape} with axes="
                         f"({a0}, {a1}): x.shape[{a0}] != y.shape[{a1}] ({x_shape[a0]} != {y_shape[a1]})")
    return _batch_tensordot(x, y, a0, a1)


@op
def _batch_tensordot(x, y, a0, a1):
    # Contracted axes to the end, batch axes first: a batched matrix product of
    # (batch, rest_x, n) and (batch, n, rest_y), reshaped back.
    x = np.moveaxis(x, a0, -1)
    y = np.moveaxis(y, a1, 1)
    rest_x, rest_y = x.shape[1:-1], y.shape[2:]
    batch, n = x.shape[0], x.shape[-1]
    # Explicit sizes, not -1: numpy cannot infer -1 when another dimension is 0.
    product = np.matmul(x.reshape(batch, int(np.prod(rest_x)), n), y.reshape(batch, n, int(np.prod(rest_y))))
    result = product.reshape((batch,) + rest_x + rest_y)
    return result.reshape(batch, 1) if result.ndim == 1 else result


@op
def transpose(x):
    """``x`` with the order of all its axes reversed (rank 0 and 1 unchanged)."""
    return np.transpose(x)
