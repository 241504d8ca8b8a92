"""The reference backend as classic multi-backend Keras 2.2/2.3 specifies it.

``reference_backend`` follows tf_keras. Classic Keras 2.3 differs from it in a
few entries (its TensorFlow backend, its docstrings and its own tests say so);
this module holds those entries and imports every other one from the reference,
so it is a backend of its own (``KERAS_BACKEND=reference_backend.classic``).

Keras 2.3.1's own backends also disagreed with each other, and where its tests
accepted both answers (or its numpy reference, ``numpy_backend``, gave the other
one), classic Keras 2.3 has two ways. ``CONVENTIONS`` names, per entry, the ways
besides this module's (mostly Theano's), each a function computing its answer:
the conformance suite accepts any of them from a backend held to the classic
contract. Sources are Keras 2.3.1's ``keras/backend/tensorflow_backend.py``
(TF231), ``theano_backend.py`` (TH231), ``numpy_backend.py`` (NP231) and
``tests/keras/backend/backend_test.py`` (BT), by line.
"""

from __future__ import annotations

import builtins
import functools
from collections.abc import Callable
from typing import Any

import numpy as np

from . import *  # noqa: F403 - every entry the families agree on (any, max, ... shadow builtins here)
from . import __all__ as _all
from . import classic_conv as _classic_conv
from . import conditionals as _conditionals
from . import ctc as _ctc
from . import losses as _losses
from . import nn as _nn
from . import random as _random
from . import reductions as _reductions
from . import session as _session
from . import shapes as _shapes
from . import tensors as _tensors
from .classic_conv import conv1d, local_conv1d, resize_images  # noqa: F401 - classic Keras 2.3's own answers
from .config import floatx as _floatx
from .dispatch import GraphVariable as _GraphVariable
from .dispatch import Placeholder as _Placeholder
from .dispatch import SymbolicTensor as _SymbolicTensor
from .dispatch import TensorBase as _TensorBase
from .dispatch import gradient_for as _gradient_for
from .dispatch import no_gradient as _no_gradient
from .dispatch import op as _op

# Classic Keras 2.3 has no learning_phase_scope (tf_keras added it); its phase is set with set_learning_phase.
__all__ = [name for name in _all if name != "learning_phase_scope"]
del learning_phase_scope  # type: ignore[name-defined]  # noqa: F821


# -- where classic Keras 2.3 answers otherwise than tf_keras -----------------------------------

def _held_in_the_graph(make: Callable[..., Any]) -> Callable[..., Any]:
    """``make``, answering a ``GraphVariable``: a classic variable lives in the graph, and an op
    on it reads it when the graph runs (TF231 ``tf.Variable`` in TF1 graphs, TH231 ``theano.shared``)."""
    @functools.wraps(make)
    def classic(*args: Any, **kwargs: Any) -> Any:
        made = make(*args, **kwargs)
        return _GraphVariable(np.asarray(made), made.name, made.constraint)
    return classic


variable = _held_in_the_graph(_tensors.variable)
zeros = _held_in_the_graph(_tensors.zeros)
ones = _held_in_the_graph(_tensors.ones)
eye = _held_in_the_graph(_tensors.eye)
random_uniform_variable = _held_in_the_graph(_random.random_uniform_variable)
random_normal_variable = _held_in_the_graph(_random.random_normal_variable)


@_op
def softmax(x, axis=-1):
    """``exp(x) / sum(exp(x), axis)``, max-shifted; a rank-1 ``x`` is accepted (TF231:3283
    ``tf.nn.softmax(x, axis=axis)``, TH231, NP231; only tf_keras refuses it). Rank 0 raises."""
    if x.ndim == 0:
        raise ValueError("Cannot apply softmax to a scalar")
    if x.ndim == 1:
        shifted = np.asarray(x, np.float64) - np.max(x, initial=-np.inf)
        e = np.exp(shifted)
        return (e / np.sum(e)).astype(x.dtype)
    return np.asarray(_nn.softmax(x, axis))


softmax.gradient("x")(_nn.softmax_gradient)


@_op
def zeros_like(x, dtype=None, name=None):
    """Zeros of ``x``'s shape in ``dtype``, default ``floatx()`` (TF231 ``tf.zeros_like(x, dtype=dtype or
    floatx())``, TH231, NP231; its docstring says "the dtype of x", its code says floatx)."""
    return np.zeros(np.shape(x), dtype=_floatx() if dtype is None else np.dtype(dtype))


@_op
def ones_like(x, dtype=None, name=None):
    """Ones of ``x``'s shape in ``dtype``, default ``floatx()`` (as ``zeros_like``)."""
    return np.ones(np.shape(x), dtype=_floatx() if dtype is None else np.dtype(dtype))


_no_gradient(zeros_like, ones_like)  # their values do not depend on x's


def switch(condition: Any, then_expression: Any, else_expression: Any) -> Any:
    """The reference's ``switch``, with both callable branches called first: classic Keras 2.3
    builds both branches of its graph (TF1 ``tf.cond``, Theano's ``ifelse``)."""
    then_value = then_expression() if callable(then_expression) else then_expression
    else_value = else_expression() if callable(else_expression) else else_expression
    return _conditionals.switch(condition, then_value, else_value)


def print_tensor(x: Any, message: str = "") -> Any:
    """``x``, printing ``message`` and the value each time the result is computed (TF231 ``tf.Print``,
    Theano's ``Print`` op), also for a concrete ``x``; no ``summarize`` parameter."""
    return _SymbolicTensor(_printed, (x, message), {}, _shapes.static_shape(x),
                           np.dtype(getattr(x, "dtype", _floatx())))


def _printed(value: Any, message: str) -> np.ndarray:
    print(message, np.asarray(value), flush=True)
    return np.asarray(value)


@_gradient_for(_printed, "value")
def _printed_gradient(cotangent: Any, result: Any, value: Any, message: str) -> dict[str, Any]:
    """The identity's: the cotangent unchanged."""
    return {"value": cotangent}


_SYMBOLIC_PHASE = _Placeholder((), np.dtype("uint8"), name="keras_learning_phase")


def learning_phase() -> Any:
    """The phase ``set_learning_phase`` set (0 or 1), else a symbolic scalar placeholder,
    ``keras_learning_phase``, that ``function`` is fed: Keras 2.3's training loop feeds it 1,
    its predict loop 0 (TF231, TH231; keras/engine/training.py:309-310)."""
    phase = _session.learning_phase_set()
    return _SYMBOLIC_PHASE if phase is None else phase


def in_train_phase(x: Any, alt: Any, training: Any = None) -> Any:
    """``in_train_phase`` with classic Keras 2.3's phase: ``training`` None means this module's
    ``learning_phase()``, and when that is the symbolic placeholder the result carries
    ``_uses_learning_phase = True`` (TF231:3216), which is how Keras 2.3's layers and training
    loop learn that the model depends on the phase and must feed it (keras/engine/network.py:445,
    training.py:309); without it BatchNormalization and Dropout would train in the test phase."""
    phase = learning_phase() if training is None else training
    result = _conditionals.in_train_phase(x, alt, training=phase)
    if training is None and isinstance(phase, _TensorBase) and isinstance(result, _TensorBase):
        result._uses_learning_phase = True  # type: ignore[attr-defined]
    return result


def in_test_phase(x: Any, alt: Any, training: Any = None) -> Any:
    """``in_train_phase(alt, x, training)`` with classic Keras 2.3's phase (TF231:3226)."""
    return in_train_phase(alt, x, training=training)


def tile(x: Any, n: Any) -> Any:
    """``numpy.tile``: a ``n`` shorter than ``x``'s rank is padded with leading ones
    (TF231:2684, NP231:473; BT ``test_tile`` tiles a (3, 4) tensor by ``n=2``)."""
    return _shapes._tile(x, [n] if np.ndim(n) == 0 else list(n))


def is_keras_tensor(x: Any) -> bool:
    """Whether ``x`` came out of a Keras layer (``hasattr(x, '_keras_history')``, TF231:699): False
    for every tensor the backend itself makes, placeholders included (BT asserts it);
    ``ValueError`` for anything that is not a backend tensor."""
    if not isinstance(x, _TensorBase):
        raise ValueError(f"Unexpectedly found an instance of type `{type(x)}`. Expected a symbolic tensor instance.")
    return hasattr(x, "_keras_history")


# -- the other ways of Keras 2.3.1's backends -----------------------------------------------------

@_op
def _binary_theano(target, output, from_logits=False):
    """Theano's binary cross-entropy (TH231:1874-1879): logits through a sigmoid, probabilities
    clipped to ``[eps, 1 - eps]``, then ``-(t log o + (1 - t) log(1 - o))``, no second epsilon
    (NP231's logit form and Keras 2.3.1 on TF 1.13 give the same)."""
    t, probabilities = np.asarray(target, np.float64), _sigmoid_if(output, from_logits)
    o = _losses._clip(probabilities)
    with np.errstate(divide="ignore"):
        return (-(t * np.log(o) + (1 - t) * np.log(1 - o))).astype(np.asarray(output).dtype)


@_binary_theano.gradient("target", "output")
def _binary_theano_gradient(cotangent, result, target, output, from_logits=False):
    """Theano's symbolic gradient of the same composition: ``(1 - t) / (1 - o) - t / o`` where the
    probability lies in ``[eps, 1 - eps]`` (T.clip passes its bounds), none where it was clipped, times
    the sigmoid's slope for logits; in ``t``: ``log(1 - o) - log(o)``."""
    t, probabilities = np.asarray(target, np.float64), _sigmoid_if(output, from_logits)
    o = _losses._clip(probabilities)
    slope = (1 - t) / (1 - o) - t / o
    if from_logits:
        s = probabilities.astype(np.float64)
        slope = slope * s * (1 - s)
    return {"target": cotangent * (np.log(1 - o) - np.log(o)),
            "output": np.where(_losses._inside(probabilities), cotangent * slope, 0.0)}


def _sigmoid_if(output: Any, from_logits: bool) -> np.ndarray:
    """The probabilities in ``output``'s dtype: ``output`` itself, or the sigmoid of logits."""
    output = np.asarray(output)
    return (1 / (1 + np.exp(-output.astype(np.float64)))).astype(output.dtype) if from_logits else output


def _categorical_theano(target, output, from_logits=False, axis=-1):
    """Theano's categorical cross-entropy (TH231:1822-1850): logits through a softmax over the
    class axis, probabilities renormalised, both clipped to ``[eps, 1 - eps]`` (so logits of
    1e4 cost 16.1, not 1e4; NP231 agrees); the class axis is -1 or a non-negative axis."""
    output = np.asarray(output)
    if axis != -1 and axis not in range(output.ndim):
        raise ValueError(f"Unexpected channels axis {axis}. Expected to be -1 or one of the axes of `output`")
    probabilities = _losses._categorical_probabilities(output, from_logits, axis)
    return (-np.sum(np.asarray(target, np.float64) * np.log(probabilities), axis=axis)).astype(output.dtype)


def _sparse_theano(target, output, from_logits=False, axis=-1):
    """Theano's sparse categorical cross-entropy (TH231:1853-1871): the categorical one on one-hot
    targets, so logits are softmaxed and clipped as there."""
    output = np.asarray(output)
    moved = np.moveaxis(output, axis, -1)
    labels = np.asarray(target).astype(np.int64).reshape(moved.shape[:-1])
    one_hot = (labels[..., None] == np.arange(moved.shape[-1])).astype(np.float64)
    return _categorical_theano(one_hot, moved, from_logits, -1)


def _slice_python(x, start, size):
    """Python slicing ``x[start:start + size]`` per axis (TH231, NP231 ``py_slice``, TF231's own
    docstring): a size of -1 ends one cell before the end, it does not mean "to the end"."""
    if not len(start) == len(size) == np.ndim(x):
        raise ValueError("The dimension and the size of indices should match.")
    return np.asarray(x)[tuple(builtins.slice(b, b + s) for b, s in zip(start, size))]


def _arange_integers(start, stop=None, step=1, dtype="int32"):
    """``numpy.arange(start, stop, step, dtype)`` (TH231:1085 ``T.arange``, NP231): with the default
    int32 a float step is truncated, ``arange(0, 10, 1.5)`` is ``[0, 1, ..., 6]``."""
    if stop is None:
        start, stop = 0, builtins.max(start, 0)
    return np.arange(start, stop, step, dtype=dtype)


def _gather_from_the_end(reference, indices):
    """Negative indices count from the end, out-of-range ones raise (TH231, NP231 ``reference[indices]``)."""
    return np.asarray(reference)[np.asarray(indices).astype(np.int64)]


def _mean_in_floatx(x, axis=None, keepdims=False):
    """Integer and bool means computed exactly in ``floatx()`` (TH231:600), not truncated."""
    x = np.asarray(x)
    wide = x.astype(np.float64)
    with np.errstate(invalid="ignore"):
        mean = np.mean(wide, axis=_reductions._axes(axis), keepdims=keepdims)
    return mean.astype(x.dtype if x.dtype.kind == "f" else _floatx())


def _wide_integers(reduction: str) -> Callable[..., np.ndarray]:
    """``sum``/``prod`` of int32 in int64, as numpy's default accumulator (TH231 ``T.sum``, NP231)."""
    def compute(x, axis=None, keepdims=False):
        x = np.asarray(x)
        dtype = np.int64 if x.dtype.kind in "iu" and x.dtype.itemsize < 8 else x.dtype
        with np.errstate(invalid="ignore", over="ignore", under="ignore"):
            return getattr(np, reduction)(x.astype(np.float64) if x.dtype.kind == "f" else x,
                                          axis=_reductions._axes(axis), keepdims=keepdims).astype(dtype)
    return compute


def _bool_in_float64(name: str) -> Callable[..., np.ndarray]:
    """``var``/``std`` of a bool tensor in float64 (TH231, NP231), not in floatx."""
    def compute(x, axis=None, keepdims=False):
        x = np.asarray(x)
        result = np.asarray(getattr(_reductions, name)(x.astype(np.float64) if x.dtype == np.bool_ else x,
                                                       axis, keepdims))
        return result
    return compute


def _refusing_empty(name: str) -> Callable[..., np.ndarray]:
    """``max``/``min``/``logsumexp`` raise ``ValueError`` on an empty reduction (TH231, NP231),
    where TensorFlow answers the identity (-inf, inf)."""
    def compute(x, axis=None, keepdims=False):
        x = np.asarray(x)
        axes = range(x.ndim) if axis is None else [axis] if np.ndim(axis) == 0 else axis
        if builtins.any(x.shape[a] == 0 for a in axes):
            raise ValueError(f"zero-size array to reduction operation {name} which has no identity")
        return np.asarray(getattr(_reductions, name)(x, axis, keepdims))
    return compute


def _softmax_refusing_empty(x, axis=-1):
    """``softmax`` over an empty axis raises ``ValueError`` (NP231, TH231 off its 2-D path)."""
    x = np.asarray(x)
    axes = [axis] if np.ndim(axis) == 0 else list(axis)
    if x.ndim and builtins.any(x.shape[a] == 0 for a in axes):
        raise ValueError("zero-size array to reduction operation maximum which has no identity")
    return np.asarray(softmax(x, axis))


def _biased_variance(x, gamma, beta, reduction_axes, epsilon=0.001):
    """``normalize_batch_in_training`` returning the biased batch variance on every path
    (TF231:2317-2320 ``tf.nn.moments`` under TF 2.0; what Keras 2.3.1's BatchNormalization, which
    multiplies it by n / (n - 1 - eps) itself, assumes: keras/layers/normalization.py:194-195)."""
    normed, mean, _ = (np.asarray(r) for r in _nn.normalize_batch_in_training(x, gamma, beta, reduction_axes,
                                                                               epsilon))
    variance = np.var(np.asarray(x, np.float64), axis=tuple(reduction_axes)).astype(np.asarray(x).dtype)
    return normed, mean, variance


def _one_hot_refusing(indices, num_classes):
    """Indices as numpy indexes an axis of ``num_classes``: a negative index counts from the end,
    one outside ``[-num_classes, num_classes)`` raises ``IndexError`` (TH231:1334 ``to_one_hot``
    sets ``zeros[arange(n), indices]``; NP231:721 ``to_categorical`` does the same in numpy)."""
    indices = np.asarray(indices)
    if indices.size and (indices.min() < -num_classes or indices.max() >= num_classes):
        raise IndexError(f"index out of range for {num_classes} classes")
    return np.asarray(_shapes.one_hot(np.where(indices < 0, indices + num_classes, indices), num_classes))


def _clip_upper_bound_last(x, min_value, max_value):
    """``numpy.clip``'s order: the lower bound applied first, then the upper, so the upper bound wins
    where tensor bounds cross (NP231:428-429 ``np.clip``, the ``{{np_implementation}}`` of TF231:2007-2027).
    Theano's ``T.clip`` is neither order: ``min`` where ``x < min``, else ``max`` where ``x > max``
    (theano/scalar/basic.py:2231-2242), so it answers per element. Python-number bounds with
    ``max_value < min_value`` still clip to ``min_value`` (TF231:2019-2022, TH231:717-720 raise
    ``max_value`` to it first)."""
    x = np.asarray(x)
    if isinstance(min_value, (int, float)) and isinstance(max_value, (int, float)) and max_value < min_value:
        max_value = min_value
    low = -np.inf if min_value is None else np.asarray(min_value, x.dtype)
    high = np.inf if max_value is None else np.asarray(max_value, x.dtype)
    return np.broadcast_to(np.minimum(np.maximum(x, low), high), x.shape).astype(x.dtype)


def _switch_of_the_branches_shape(condition, then_expression, else_expression):
    """``switch`` as TF1's ``tf.where`` decides it (Keras 2.3.1 on TF 1.14/1.15) and Theano's
    ``T.switch`` with undeclared broadcasting: a condition that is not a scalar must have the branches'
    shape once Keras has aligned it (TF231:3163-3171: trailing axes appended, tiled where the branches
    are longer, so a size-1 axis stretches and no other does; TH231:1710-1716 appends broadcastable
    axes), else ``ValueError`` (tf1.15 array_ops.py:3706-3743). A rank-1 condition against branches
    of higher rank (TF1 selects along their first axis) is left to the classic entry."""
    then_value = np.asarray(then_expression() if callable(then_expression) else then_expression)
    else_value = else_expression() if callable(else_expression) else else_expression
    shape = np.shape(condition)
    if 0 < len(shape) <= then_value.ndim and (len(shape) >= 2 or then_value.ndim == 1):
        aligned = shape + (1,) * (then_value.ndim - len(shape))
        if len(shape) >= 2:  # TF231 tiles only conditions of rank 2 and more
            aligned = tuple(c * b if b > c else c for c, b in zip(aligned, then_value.shape))
        if aligned != then_value.shape:
            raise ValueError(f"the condition's shape {shape} does not fit branches of shape {then_value.shape}")
    return np.asarray(switch(condition, then_value, else_value))


@_op
def _ctc_theano(y_true, y_pred, input_length, label_length):
    """Theano's CTC cost (TH231:2741-2847), which BT:1709-1760 checks against its own values
    ``[1.73308, 3.81351]``: probabilities smoothed as ``(1 - 1e-4) p + 1e-4 / (2L + 1)``, and the
    forward-backward products summed over every frame, so the cost is ``-log(T * P)`` rather than
    ``-log P``; float64, shaped ``(1, batch)``. As in Theano, ``(1 - 1e-4) p`` is computed in
    ``y_pred``'s float type (a Python number takes the tensor's type: 0.9999 becomes 0.99989998
    in float32) and the sum in float64 (``1e-4 / Y.shape[0]`` divides by an int64)."""
    y_pred = np.asarray(y_pred)
    keep = np.asarray(1 - 1e-4, y_pred.dtype)
    labels = np.asarray(y_true).astype(np.int64)
    steps, lengths = np.asarray(input_length).reshape(-1), np.asarray(label_length).reshape(-1)
    blank = y_pred.shape[-1] - 1
    costs = []
    for probabilities, label, t_len, l_len in zip(y_pred, labels, steps, lengths):
        path = np.full(2 * int(l_len) + 1, blank)
        path[1::2] = label[:int(l_len)]
        smoothed = (keep * probabilities[:int(t_len)][:, path]).astype(np.float64) + 1e-4 / path.size
        costs.append(-np.log(int(t_len) * _path_likelihood(smoothed, path, blank)))
    return np.asarray([costs], np.float64)


@_ctc_theano.gradient("y_pred")
def _ctc_theano_gradient(cotangent, result, y_true, y_pred, input_length, label_length):
    """The exact derivative of the same cost (Theano differentiates its scan symbolically): ``-log T``
    is a constant, ``-log P`` goes back through the forward-backward occupancies of the smoothed
    probabilities ``s = keep p + 1e-4 / (2L + 1)`` (every class smoothed alike, only the labels' and the
    blank's matter), then ``ds / dp = keep``. No per-frame normalisation: unlike tf_keras' CTC, a class
    off the labels gets no gradient."""
    y_pred = np.asarray(y_pred)
    keep = np.asarray(1 - 1e-4, y_pred.dtype).astype(np.float64)
    path_sizes = 2 * np.asarray(label_length).reshape(-1, 1, 1).astype(np.int64) + 1
    smoothed = keep * y_pred.astype(np.float64) + 1e-4 / path_sizes
    with np.errstate(divide="ignore"):
        lattice = _ctc.Lattice(y_true, np.log(smoothed), input_length, label_length)
    return {"y_pred": lattice.log_likelihood_gradient(np.reshape(cotangent, -1)) * keep / smoothed}


def _path_likelihood(frames: np.ndarray, path: np.ndarray, blank: int) -> float:
    """The CTC forward recursion over the blank-interleaved ``path``, ``frames[t, s]`` the
    probability of ``path[s]`` at frame ``t``; each step rescaled, the scales summed in log space."""
    skips = np.zeros(path.size, bool)
    skips[2:] = (path[2:] != blank) & (path[2:] != path[:-2])
    alpha = np.zeros(path.size)
    alpha[:2] = frames[0, :2]
    log_scale = 0.0
    for frame in frames[1:]:
        scale = alpha.sum()
        alpha, log_scale = alpha / scale, log_scale + np.log(scale)
        moved = alpha.copy()
        moved[1:] += alpha[:-1]
        moved[2:] += np.where(skips[2:], alpha[:-2], 0.0)
        alpha = moved * frame
    return float(np.exp(log_scale + np.log(alpha[-2:].sum() if path.size > 1 else alpha[-1])))


NOT_IMPLEMENTED = "not implemented (Theano; Keras 2.3.1 decodes with TensorFlow only)"


def _not_implemented(*args: Any, **kwargs: Any) -> Any:
    """Not implemented: Keras 2.3.1's Theano backend raises NotImplementedError, and its tests
    decode with TensorFlow only (BT:1777-1940 skip every other backend)."""
    raise NotImplementedError("not implemented in classic Keras 2.3's Theano backend")


CONVENTIONS: dict[str, list[tuple[str, Callable[..., Any]]]] = {
    "binary_crossentropy": [("clipped, no second epsilon; logits through a sigmoid (Theano, numpy_backend)",
                             _binary_theano)],
    "categorical_crossentropy": [("logits through a softmax, then clipped (Theano, numpy_backend)",
                                  _categorical_theano)],
    "sparse_categorical_crossentropy": [("logits through a softmax, then clipped (Theano)", _sparse_theano)],
    "slice": [("Python slicing: a size of -1 stops one cell short (Theano, numpy_backend)", _slice_python)],
    "arange": [("int32 values for float arguments (Theano, numpy_backend)", _arange_integers)],
    "gather": [("negative indices count from the end (Theano, numpy_backend)", _gather_from_the_end)],
    "mean": [("integer means exact, in floatx (Theano)", _mean_in_floatx)],
    "sum": [("int32 summed in int64 (Theano, numpy_backend)", _wide_integers("sum"))],
    "prod": [("int32 multiplied in int64 (Theano, numpy_backend)", _wide_integers("prod"))],
    "var": [("bool in float64 (Theano, numpy_backend)", _bool_in_float64("var"))],
    "std": [("bool in float64 (Theano, numpy_backend)", _bool_in_float64("std"))],
    "max": [("an empty reduction raises (Theano, numpy_backend)", _refusing_empty("max"))],
    "min": [("an empty reduction raises (Theano, numpy_backend)", _refusing_empty("min"))],
    "logsumexp": [("an empty reduction raises (Theano, numpy_backend)", _refusing_empty("logsumexp"))],
    "softmax": [("an empty axis raises (numpy_backend; Theano off its 2-D path)", _softmax_refusing_empty)],
    "normalize_batch_in_training": [("the biased variance on every path (Keras 2.3.1 on TF 2.0)", _biased_variance)],
    "one_hot": [("indices as numpy indexes: negatives from the end, out of range IndexError (Theano, numpy_backend)",
                 _one_hot_refusing)],
    "ctc_batch_cost": [("Theano's CTC: (1, batch), float64, -log(T * P) of smoothed probabilities", _ctc_theano)],
    "ctc_decode": [(NOT_IMPLEMENTED, _not_implemented)],
    "clip": [("numpy's order: where tensor bounds cross, the upper bound wins (numpy_backend)",
              _clip_upper_bound_last)],
    "switch": [("no broadcasting: a condition not of the branches' shape raises (Theano; Keras 2.3.1 on TF1)",
                _switch_of_the_branches_shape)],
    **_classic_conv.conventions(),
}
"""Entry -> the other answers classic Keras 2.3 accepted: (what the way is, a function computing it)."""
