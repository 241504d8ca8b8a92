"""Linear algebra (category: linear algebra): dot, batch_dot, transpose.

Results keep the inputs' dtype, as tf_keras' do. Each gradient rule (``backprop``)
is the product with the other operand, transposed as the contraction was.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .dispatch import op, wide
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


@dot.gradient("x", "y")
def _dot_gradient(cotangent, result, x, y):
    """``numpy.dot``'s transposes: the cotangent contracted with ``y`` over ``y``'s kept axes
    (for ``x``), with ``x`` over ``x``'s leading axes (for ``y``)."""
    x64, y64 = wide(x), wide(y)
    lead = x64.ndim - 1  # x's kept axes come first in the result, y's kept axes after them
    if y64.ndim == 1:
        return {"x": cotangent[..., None] * y64, "y": np.tensordot(x64, cotangent, axes=(range(lead), range(lead)))}
    kept_y = np.moveaxis(y64, -2, -1)  # y's kept axes, in the result's order, then the contracted one
    tail = range(lead, cotangent.ndim)
    return {"x": np.tensordot(cotangent, kept_y, axes=(tail, range(y64.ndim - 1))),
            "y": np.moveaxis(np.tensordot(x64, cotangent, axes=(range(lead), range(lead))), 0, -2)}


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


def _batch_matrices(x: np.ndarray, y: np.ndarray, a0: int, a1: int) -> tuple[np.ndarray, np.ndarray]:
    """``x`` as ``(batch, rest_x, n)`` and ``y`` as ``(batch, n, rest_y)`` matrices: the contracted
    axes moved next to each other (explicit sizes, not -1: numpy cannot infer -1 beside a 0)."""
    x = np.moveaxis(x, a0, -1)
    y = np.moveaxis(y, a1, 1)
    batch, n = x.shape[0], x.shape[-1]
    return (x.reshape(batch, int(np.prod(x.shape[1:-1])), n), y.reshape(batch, n, int(np.prod(y.shape[2:]))))


@op
def _batch_tensordot(x, y, a0, a1):
    # A batched matrix product of (batch, rest_x, n) and (batch, n, rest_y), reshaped back.
    rest_x = tuple(n for axis, n in enumerate(x.shape) if axis not in (0, a0))
    rest_y = tuple(n for axis, n in enumerate(y.shape) if axis not in (0, a1))
    product = np.matmul(*_batch_matrices(x, y, a0, a1))
    result = product.reshape((x.shape[0],) + rest_x + rest_y)
    return result.reshape(x.shape[0], 1) if result.ndim == 1 else result


@_batch_tensordot.gradient("x", "y")
def _batch_tensordot_gradient(cotangent, result, x, y, a0, a1):
    """The batched matrix product's transposes, reshaped and moved back to ``x``'s and ``y``'s layouts."""
    xm, ym = _batch_matrices(wide(x), wide(y), a0, a1)
    g = np.reshape(cotangent, (xm.shape[0], xm.shape[1], ym.shape[2]))
    gx = np.matmul(g, np.swapaxes(ym, 1, 2)).reshape(np.moveaxis(x, a0, -1).shape)
    gy = np.matmul(np.swapaxes(xm, 1, 2), g).reshape(np.moveaxis(y, a1, 1).shape)
    return {"x": np.moveaxis(gx, -1, a0), "y": np.moveaxis(gy, 1, a1)}


@op
def transpose(x):
    """``x`` with the order of all its axes reversed (rank 0 and 1 unchanged)."""
    return np.transpose(x)


@transpose.gradient("x")
def _transpose_gradient(cotangent, result, x):
    """The cotangent transposed back."""
    return {"x": np.transpose(cotangent)}
