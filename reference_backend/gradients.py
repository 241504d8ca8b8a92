"""Gradients of a loss with respect to variables, and moving averages of variables.

The reference records no tape, so ``gradients`` is numerical: each gradient is
a deferred graph node that, when evaluated, re-evaluates the loss's graph under
central finite differences in float64. This is honest for the smooth losses
the suite builds, and its limits are stated in ``gradients``' docstring.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .dispatch import Placeholder, SymbolicTensor, Variable, op

__all__ = ["gradients", "moving_average_update"]

# Step of the central differences, relative to max(1, |value|): about the cube
# root of float64's epsilon, which balances the truncation error (~ h**2) with
# the rounding error of the loss (~ eps / h): both near 1e-10 for O(1) losses.
FINITE_DIFFERENCE_STEP = 2.0 ** -17


def gradients(loss: Any, variables: Sequence[Any]) -> list:
    """The gradient of ``sum(loss)`` with respect to each of ``variables``, as a list.

    tf_keras semantics (``tf.compat.v1.gradients``): a non-scalar loss is
    summed; each gradient has its variable's shape and dtype; a variable the
    loss does not depend on gets ``None``. ``variables`` may be variables,
    placeholders or intermediate tensors of the loss's graph. Like tf_keras,
    only a symbolic loss (a graph built on placeholders) can be differentiated:
    a concrete loss raises ``RuntimeError`` (tf_keras under eager execution
    raises it for every loss; classic Keras 2.3 on TF1 graphs accepts variables).

    Reference limitation: no automatic differentiation. Each gradient is a
    graph node computing central finite differences of the loss in float64
    (every float input of the loss's graph is promoted to float64; step
    ``FINITE_DIFFERENCE_STEP * max(1, |value|)``), accurate to about 1e-9 for
    smooth losses of moderate size, and meaningless at kinks (``relu`` at 0,
    ``abs``, ``round``) or through ops that cast to a narrower float.
    """
    if not isinstance(loss, SymbolicTensor):
        raise RuntimeError("gradients needs a symbolic loss (built on placeholders): the reference backend "
                           "records no operations on concrete tensors, as tf_keras under eager execution")
    return [_gradient_node(loss, target) for target in variables]


def _gradient_node(loss: SymbolicTensor, target: Any) -> SymbolicTensor | None:
    leaves = list({id(leaf): leaf for leaf in loss.graph_leaves()
                   if isinstance(leaf, (Placeholder, Variable))}.values())
    if not any(leaf is target for leaf in leaves) and not _reaches(loss, target):
        return None  # the loss does not depend on it, as tf's gradients answers

    def compute(*values: Any) -> np.ndarray:
        *leaf_values, point = values
        return _finite_differences(loss, leaves, leaf_values, target, np.asarray(point))

    return SymbolicTensor(compute, tuple(leaves) + (target,), {}, _static_shape(target), np.dtype(target.dtype))


def _reaches(node: Any, target: Any) -> bool:
    """Whether ``target`` (an intermediate tensor) is a node of ``node``'s graph."""
    if node is target:
        return True
    if not isinstance(node, SymbolicTensor) or isinstance(node, Placeholder):
        return False
    return any(_reaches(leaf, target) for leaf in _direct_inputs(node))


def _direct_inputs(node: SymbolicTensor) -> list:
    found: list = []

    def collect(structure: Any) -> None:
        if isinstance(structure, (list, tuple)):
            for item in structure:
                collect(item)
        elif isinstance(structure, dict):
            for item in structure.values():
                collect(item)
        elif isinstance(structure, SymbolicTensor):
            found.append(structure)

    collect((node.args, node.kwargs))
    return found


def _static_shape(target: Any) -> tuple | None:
    return None if target.shape is None else tuple(target.shape)


def _promoted(value: Any) -> np.ndarray:
    array = np.asarray(value)
    return array.astype(np.float64) if array.dtype.kind == "f" else array


def _finite_differences(loss: SymbolicTensor, leaves: list, leaf_values: list, target: Any,
                        point: np.ndarray) -> np.ndarray:
    base = {leaf: _promoted(value) for leaf, value in zip(leaves, leaf_values)}
    origin = _promoted(point)
    is_leaf = isinstance(target, (Placeholder, Variable))

    def loss_at(value: np.ndarray) -> float:
        feed = dict(base)
        cache: dict[int, Any] = {}
        if is_leaf:
            feed[target] = value
        else:
            cache[id(target)] = value  # an intermediate node: its value is replaced, its inputs ignored
        with np.errstate(all="ignore"):
            return float(np.sum(np.asarray(loss.evaluate(feed, cache), dtype=np.float64)))

    gradient = np.zeros(origin.shape, dtype=np.float64)
    for index in np.ndindex(origin.shape):
        step = FINITE_DIFFERENCE_STEP * max(1.0, abs(float(origin[index])))
        up, down = origin.copy(), origin.copy()
        up[index] += step
        down[index] -= step
        gradient[index] = (loss_at(up) - loss_at(down)) / (2 * step)
    return gradient.astype(point.dtype)


@op(mutates="x")
def moving_average_update(x, value, momentum):
    """``x = x * momentum + value * (1 - momentum)`` on variable ``x``; returns ``x``.

    tf_keras (TF2) semantics: ``x.assign_sub((x - value) * (1 - momentum))``,
    no bias correction. Classic Keras 2.3 (and tf_keras under TF1 graphs) used
    ``assign_moving_average(..., zero_debias=True)``, whose values differ.
    Deferred (applied when evaluated) when ``value`` is symbolic.
    """
    if not isinstance(x, Variable):
        raise TypeError(f"moving_average_update needs a variable, got {type(x).__name__}")
    current = np.asarray(x)
    # A Python momentum stays weakly typed (numpy 2), so the arithmetic keeps x's dtype, as in TF.
    keep = 1 - (momentum if isinstance(momentum, (int, float)) else np.asarray(momentum))
    x.assign(current - (current - np.asarray(value)) * keep)
    return x
