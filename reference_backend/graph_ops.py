"""Entries that act on the graph around a tensor: stop_gradient, print_tensor, name_scope,
control_dependencies (category: graph).

The reference keeps no op names or execution order, so these entries keep
values unchanged; their contracts are what a caller can observe: values,
printed output, usable context managers, and gradients (none through
``stop_gradient``, the identity's through ``print_tensor``).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np

from .dispatch import SymbolicTensor, gradient_for, no_gradient, op

__all__ = ["stop_gradient", "print_tensor", "name_scope", "control_dependencies"]


@op
def _stopped(x):
    return np.array(x)


no_gradient(_stopped)  # TensorFlow's StopGradient: a loss reached only through it has a None gradient


def stop_gradient(variables: Any) -> Any:
    """A tensor with ``variables``' value whose gradient is zero; for a list or
    tuple of tensors, an iterable of such tensors in the same order (tf_keras
    answers a lazy ``map`` object, so callers may only iterate it once; the
    reference answers a list)."""
    if isinstance(variables, (list, tuple)):
        return [_stopped(v) for v in variables]
    return _stopped(variables)


def _printed(value: Any, message: str, summarize: int | None) -> np.ndarray:
    """Print ``message`` and ``value`` to stdout, as ``tf.print`` does; answer the value."""
    value = np.asarray(value)
    edge = 3 if summarize is None else summarize
    threshold = sys.maxsize if edge < 0 else 2 * edge  # -1: every element
    text = np.array2string(value, threshold=threshold, edgeitems=max(edge, 1))
    print(message, text, file=sys.stdout, flush=True)
    return value.copy()


@gradient_for(_printed, "value")
def _printed_gradient(cotangent, result, value, message, summarize):
    """The identity's: the cotangent unchanged."""
    return {"value": cotangent}


def print_tensor(x: Any, message: str = "", summarize: int = 3) -> Any:
    """A tensor identical to ``x`` that prints ``message`` and ``x``'s value to
    **stdout** when it is evaluated: at once for a concrete ``x``, each time a
    ``function`` computes it for a symbolic one (so the returned tensor must be
    used). ``summarize``: elements shown at each end of every axis (-1: all).
    The exact layout of the printed value is not part of the contract. Classic
    Keras 2.2 printed to stderr through ``tf.Print``; 2.3 lacks ``summarize``."""
    if isinstance(x, SymbolicTensor):
        # Built by hand rather than through ``op``: op's shape probe would run the print on stand-in values.
        return SymbolicTensor(_printed, (x, message, summarize), {}, x.shape, x.dtype)
    return op(_printed)(x, message, summarize)


@contextlib.contextmanager
def name_scope(name: str) -> Iterator[str]:
    """A context manager grouping the names of ops created in its block
    (``tf.name_scope``); the reference keeps no op names, so it only checks
    that ``name`` is a string and yields it."""
    if not isinstance(name, str):
        raise TypeError(f"name_scope needs a string, got {name!r}")
    yield name


@contextlib.contextmanager
def control_dependencies(control_inputs: Iterable[Any] | None) -> Iterator[None]:
    """Classic Keras 2.3: a context manager within which ops run after
    ``control_inputs`` (a list of tensors or ops, or None). The reference runs
    every op in program order already, so the block only needs to run."""
    if control_inputs is not None:
        list(control_inputs)  # must be iterable, as tf.control_dependencies requires
    yield
