"""Element-wise math and comparisons (category: elementwise math).

Results keep the input's dtype (comparisons answer bool), as tf_keras' do.
Every binary entry broadcasts its operands as numpy does. IEEE special values
follow the C library: NaN in gives NaN out, overflow gives infinity, and
numpy's warnings about them are silenced because they are the contract.

Gradient rules follow each entry (``backprop``); at kinks they give what
TensorFlow's gradient registry gives (``math_grad.py``), said in each rule.
Comparisons answer bool, through which no gradient flows.
"""

from __future__ import annotations

import numpy as np

from .dispatch import no_gradient, op, power_gradient, weak_scalars, wide
from .static_shapes import broadcasting_rule

__all__ = ["square", "abs", "sqrt", "exp", "log", "round", "sign", "pow", "clip",
           "equal", "not_equal", "greater", "greater_equal", "less", "less_equal",
           "maximum", "minimum", "sin", "cos"]


@op
def square(x):
    """``x * x`` element-wise; overflow gives ``inf``."""
    with np.errstate(over="ignore"):
        return np.square(x)


@square.gradient("x")
def _square_gradient(cotangent, result, x):
    """``2 x``."""
    return {"x": cotangent * 2 * wide(x)}


@op
def abs(x):
    """``|x|`` element-wise (``abs(-0.0) == 0.0``, ``abs(-inf) == inf``)."""
    return np.abs(x)


@abs.gradient("x")
def _abs_gradient(cotangent, result, x):
    """``sign(x)``: 0 at 0 (TensorFlow's AbsGrad multiplies by ``sign``)."""
    return {"x": cotangent * np.sign(wide(x))}


@op
def sqrt(x):
    """Element-wise square root with negatives clamped to 0 first: ``sqrt(-1) == 0``,
    never NaN (tf_keras applies ``maximum(x, 0)``; NaN stays NaN)."""
    return np.sqrt(np.where(x < 0, np.zeros((), x.dtype), x))


@sqrt.gradient("x")
def _sqrt_gradient(cotangent, result, x):
    """``1 / (2 sqrt(x))`` for ``x > 0``; ``inf`` at 0; 0 for negatives. tf_keras'
    ``sqrt`` is ``tf.sqrt(tf.maximum(x, 0))``: SqrtGrad is ``0.5 / sqrt`` (inf at 0), and
    MaximumGrad passes it to ``x`` where ``x >= 0`` only, so negatives get 0."""
    x64 = wide(x)
    return {"x": cotangent * np.where(x64 < 0, 0.0, 0.5 / np.sqrt(np.maximum(x64, 0.0)))}


@op
def exp(x):
    """``e ** x`` element-wise; overflow gives ``inf``, underflow 0."""
    with np.errstate(over="ignore", under="ignore"):
        return np.exp(x)


@exp.gradient("x")
def _exp_gradient(cotangent, result, x):
    """``exp(x)``."""
    return {"x": cotangent * np.exp(wide(x))}


@op
def log(x):
    """Natural logarithm element-wise: ``log(0) == -inf`` (also for -0.0),
    ``log(x) is NaN`` for ``x < 0``; nothing is clamped (unlike ``sqrt``)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.log(x)


@log.gradient("x")
def _log_gradient(cotangent, result, x):
    """``1 / x`` (``inf`` at 0)."""
    return {"x": cotangent / wide(x)}


@op
def round(x):
    """Round to the nearest integer, ties to even (``tf.round``): 0.5 -> 0,
    1.5 -> 2, 2.5 -> 2, -0.5 -> -0; NaN and infinities unchanged."""
    return np.round(x)


no_gradient(round)  # TensorFlow's RoundGrad answers None: a loss reached only through round has no gradient


@op
def sign(x):
    """-1, 0 or 1 by the sign of ``x`` (signed zeros give 0); NaN stays NaN."""
    return np.sign(x)


@sign.gradient("x")
def _sign_gradient(cotangent, result, x):
    """Zeros (TensorFlow's SignGrad answers ``zeros_like(x)``, not None)."""
    return {"x": np.zeros(np.shape(cotangent))}


@op
def pow(x, a):
    """``x ** a`` element-wise (``tf.pow``); ``a`` is a number or a tensor
    broadcastable with ``x``, in ``x``'s dtype. A negative base with a
    non-integer exponent gives NaN; ``0 ** negative`` gives ``inf``."""
    with np.errstate(all="ignore"):
        return np.power(x, np.asarray(a, dtype=x.dtype))


@pow.gradient("x", "a")
def _pow_gradient(cotangent, result, x, a):
    """``a x ** (a - 1)`` in ``x`` (NaN for ``0 ** 0``, inf for ``0 ** 0.5``), and
    ``x ** a log(x)`` in a tensor ``a`` where ``x > 0``, else 0 (TensorFlow's PowGrad)."""
    partials = power_gradient(cotangent, x, np.asarray(a, x.dtype))
    return {"x": partials["x"], "a": partials["exponent"]}


@op
def clip(x, min_value, max_value):
    """``x`` limited to ``[min_value, max_value]`` element-wise (``tf.clip_by_value``).

    ``None`` bounds mean ``-inf`` / ``+inf``. Bounds may be numbers or tensors
    broadcastable to ``x``'s shape (the result keeps ``x``'s shape and dtype).
    When ``max_value < min_value`` the result is ``min_value`` everywhere:
    tf_keras raises ``max_value`` to ``min_value`` for Python numbers, and
    ``clip_by_value`` applies the upper bound before the lower one for tensors.
    NaN stays NaN.
    """
    low = -np.inf if min_value is None else min_value
    high = np.inf if max_value is None else max_value
    # The upper bound first, then the lower: the lower bound wins when they cross.
    clipped = np.maximum(np.minimum(x, np.asarray(high, dtype=x.dtype)), np.asarray(low, dtype=x.dtype))
    return np.broadcast_to(clipped, x.shape).astype(x.dtype)


@clip.gradient("x", "min_value", "max_value")
def _clip_gradient(cotangent, result, x, min_value, max_value):
    """The gradient of ``maximum(minimum(x, max_value), min_value)``, as TensorFlow composes
    ``clip_by_value`` (MinimumGrad, then MaximumGrad; ties go to the first operand): to ``x`` where
    ``min_value <= x <= max_value``, bounds included; to the upper bound where ``x`` lies above it and
    it is not below the lower; to the lower bound where the upper-clipped value lies below it. So
    crossed tensor bounds pass everything to the lower bound, which wins. Crossed Python-number
    bounds pass only ``x == min_value`` (tf_keras raises ``max_value`` to ``min_value`` first)."""
    if isinstance(min_value, (int, float)) and isinstance(max_value, (int, float)) and max_value < min_value:
        max_value = min_value
    low = np.asarray(-np.inf if min_value is None else min_value, x.dtype)
    high = np.asarray(np.inf if max_value is None else max_value, x.dtype)
    upper_clipped = np.minimum(x, high)
    kept = np.where(upper_clipped >= low, cotangent, 0.0)
    return {"x": np.where(x <= high, kept, 0.0), "max_value": np.where(x > high, kept, 0.0),
            "min_value": np.where(upper_clipped < low, cotangent, 0.0)}


def _comparison(ufunc: np.ufunc, doc: str):
    """An entry comparing two broadcastable tensors element-wise into bool."""
    def compare(x, y):
        return ufunc(*weak_scalars(x, y))
    compare.__name__ = compare.__qualname__ = ufunc.__name__
    compare.__doc__ = doc
    entry = op(compare)
    entry.static_result(broadcasting_rule(entry))
    return entry


equal = _comparison(np.equal, "``x == y`` element-wise into a bool tensor, broadcasting; NaN equals nothing.")
not_equal = _comparison(np.not_equal, "``x != y`` element-wise into bool, broadcasting; NaN != NaN is True.")
greater = _comparison(np.greater, "``x > y`` element-wise into bool, broadcasting; False when either is NaN.")
greater_equal = _comparison(np.greater_equal,
                            "``x >= y`` element-wise into bool, broadcasting; False when either is NaN.")
less = _comparison(np.less, "``x < y`` element-wise into bool, broadcasting; False when either is NaN.")
less_equal = _comparison(np.less_equal, "``x <= y`` element-wise into bool, broadcasting; False when either is NaN.")


@op
def maximum(x, y):
    """Element-wise maximum of ``x`` and ``y``, broadcasting; NaN wins."""
    return np.maximum(*weak_scalars(x, y))


maximum.static_result(broadcasting_rule(maximum))


@maximum.gradient("x", "y")
def _maximum_gradient(cotangent, result, x, y):
    """To ``x`` where ``x >= y`` (ties included), to ``y`` elsewhere (TensorFlow's MaximumGrad)."""
    to_x = np.greater_equal(*weak_scalars(x, y))
    return {"x": np.where(to_x, cotangent, 0.0), "y": np.where(to_x, 0.0, cotangent)}


@op
def minimum(x, y):
    """Element-wise minimum of ``x`` and ``y``, broadcasting; NaN wins."""
    return np.minimum(*weak_scalars(x, y))


minimum.static_result(broadcasting_rule(minimum))


@minimum.gradient("x", "y")
def _minimum_gradient(cotangent, result, x, y):
    """To ``x`` where ``x <= y`` (ties included), to ``y`` elsewhere (TensorFlow's MinimumGrad)."""
    to_x = np.less_equal(*weak_scalars(x, y))
    return {"x": np.where(to_x, cotangent, 0.0), "y": np.where(to_x, 0.0, cotangent)}


@op
def sin(x):
    """Sine element-wise (radians, accurate for large arguments); ``sin(inf)`` is NaN."""
    with np.errstate(invalid="ignore"):
        return np.sin(x)


@sin.gradient("x")
def _sin_gradient(cotangent, result, x):
    """``cos(x)``."""
    return {"x": cotangent * np.cos(wide(x))}


@op
def cos(x):
    """Cosine element-wise (radians, accurate for large arguments); ``cos(inf)`` is NaN."""
    with np.errstate(invalid="ignore"):
        return np.cos(x)


@cos.gradient("x")
def _cos_gradient(cotangent, result, x):
    """``-sin(x)``."""
    return {"x": -cotangent * np.sin(wide(x))}
