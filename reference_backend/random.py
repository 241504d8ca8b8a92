"""Random tensors, random variables and dropout (category: random).

Every draw comes from a fresh ``numpy.random.Generator`` seeded with ``seed``,
so the same seed gives the same values on every call (on both routes: a
deferred node draws again, from the same seed, each time ``function`` runs
it). ``seed=None`` draws a seed from numpy's global generator, as Keras 2 does
(``np.random.randint(10e6)``), so unseeded calls differ.

``shape`` may be a tuple of ints or a 1-D integer tensor (``shape(x)`` of a
placeholder: the draw is deferred until the placeholder has a value).
``dtype=None`` means ``floatx()``; values are computed in float64 and rounded
to ``dtype`` once.

Classic Keras 2.3 on TF1 graphs repeated a seed's values the same way.
tf_keras repeats them only from a fresh session: within one, TF2's stateful
kernels continue one stream per seed (two ``random_normal(shape, seed=1)``
calls in a row differ), and ``clear_session`` starts it again.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .config import floatx
from .dispatch import Variable, no_gradient, op, unique_name

__all__ = ["random_normal", "random_uniform", "random_bernoulli", "random_binomial", "truncated_normal",
           "random_uniform_variable", "random_normal_variable", "dropout"]

# Keras 2 draws a seed below this bound when none is given.
_SEED_BOUND = 10_000_000


def _generator(seed: int | None) -> np.random.Generator:
    """A generator that ``seed`` determines; a seed drawn from numpy's global one when None."""
    return np.random.default_rng(np.random.randint(_SEED_BOUND) if seed is None else int(seed))


def _shape(shape: Any) -> tuple[int, ...]:
    """``shape`` (a tuple of ints, or a 1-D integer array) as a tuple of ints."""
    return tuple(int(d) for d in np.asarray(shape, dtype=np.int64).reshape(-1))


def _float_dtype(dtype: Any) -> np.dtype:
    return np.dtype(floatx() if dtype is None else dtype)


def _uniform(shape: Any, low: float, high: float, dtype: Any, seed: int | None) -> np.ndarray:
    """U[low, high) rounded to ``dtype``; a value that rounding lifts to ``high``
    (possible in float16) is moved to the largest value below it, so the interval stays half-open."""
    dtype = _float_dtype(dtype)
    values = (low + (high - low) * _generator(seed).random(_shape(shape))).astype(dtype)
    if high > low:
        below_high = np.nextafter(np.asarray(high, dtype), np.asarray(low, dtype))
        values = np.where(values >= np.asarray(high, dtype), below_high, values)
    return values


def _normal(shape: Any, mean: float, stddev: float, dtype: Any, seed: int | None) -> np.ndarray:
    return (mean + stddev * _generator(seed).standard_normal(_shape(shape))).astype(_float_dtype(dtype))


def _bernoulli(shape: Any, p: float, dtype: Any, seed: int | None) -> np.ndarray:
    return (_generator(seed).random(_shape(shape)) < p).astype(_float_dtype(dtype))


@op
def random_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    """A tensor of ``shape`` drawn from the normal distribution N(``mean``, ``stddev``²), in
    ``dtype`` (default floatx)."""
    return _normal(shape, mean, stddev, dtype, seed)


@op
def random_uniform(shape, minval=0.0, maxval=1.0, dtype=None, seed=None):
    """A tensor of ``shape`` drawn uniformly from the half-open interval [``minval``, ``maxval``),
    in ``dtype`` (default floatx)."""
    return _uniform(shape, minval, maxval, dtype, seed)


@op
def random_bernoulli(shape, p=0.0, dtype=None, seed=None):
    """A tensor of ``shape`` whose values are 1 with probability ``p`` and 0 otherwise, in
    ``dtype`` (default floatx). tf_keras only (classic Keras calls it ``random_binomial``).

    The reference compares a float64 uniform draw with ``p`` (``u < p``): p=0 gives
    only zeros, p=1 only ones. tf_keras compares a uniform draw in ``dtype`` with
    ``<=``, so under float16 p=0 still gives about one 1 in 1,000 values."""
    return _bernoulli(shape, p, dtype, seed)


@op
def random_binomial(shape, p=0.0, dtype=None, seed=None):
    """The same as ``random_bernoulli`` (tf_keras keeps this name as a deprecated alias
    that warns; classic Keras 2.3 has only this name, with the same meaning)."""
    return _bernoulli(shape, p, dtype, seed)


@op
def truncated_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    """A tensor of ``shape`` from N(``mean``, ``stddev``²) with every value beyond two
    standard deviations from ``mean`` drawn again, in ``dtype`` (default floatx).
    Values lie in [mean - 2 stddev, mean + 2 stddev]; their standard deviation is
    about 0.87962 ``stddev``."""
    generator = _generator(seed)
    size = _shape(shape)
    z = generator.standard_normal(size)
    outside = np.abs(z) > 2
    while outside.any():  # redraw only the rejected values: about 4.6% per round
        z[outside] = generator.standard_normal(int(outside.sum()))
        outside = np.abs(z) > 2
    return (mean + stddev * z).astype(_float_dtype(dtype))


def random_uniform_variable(shape: Any, low: float, high: float, dtype: str | None = None,
                            name: str | None = None, seed: int | None = None) -> Variable:
    """A variable (assignable, like ``variable``'s) of ``shape`` holding values drawn
    uniformly from [``low``, ``high``), in ``dtype`` (default floatx)."""
    return Variable(_uniform(shape, low, high, dtype, seed), name=name or unique_name("Variable"))


def random_normal_variable(shape: Any, mean: float, scale: float, dtype: str | None = None,
                           name: str | None = None, seed: int | None = None) -> Variable:
    """A variable (assignable, like ``variable``'s) of ``shape`` holding values drawn
    from N(``mean``, ``scale``²), in ``dtype`` (default floatx)."""
    return Variable(_normal(shape, mean, scale, dtype, seed), name=name or unique_name("Variable"))


def dropout(x: Any, level: float, noise_shape: Any = None, seed: int | None = None) -> Any:
    """``x`` with each value set to 0 with probability ``level`` and the others
    multiplied by ``1 / (1 - level)``, in ``x``'s dtype (so the expectation is ``x``).

    ``noise_shape`` (default ``x``'s shape; a tuple of ints of ``x``'s rank) is
    the shape of the keep/drop mask, broadcast over ``x``: with ``(rows, 1)``
    whole rows are dropped together; one that does not broadcast raises ``ValueError``. ``level`` outside [0, 1)
    raises ``ValueError`` (checked when called, as tf_keras does); ``level == 0``
    returns ``x`` unchanged. Always applied, whatever the learning phase (tf_keras;
    classic Keras 2.3's numpy reference applied it only in the training phase).
    """
    if not 0 <= level < 1:
        raise ValueError(f"dropout level must be in [0, 1), got {level!r}")
    return _kept_scaled(x, _keep_mask(x, level, noise_shape, seed), level)


@op
def _keep_mask(x, level, noise_shape, seed):
    """Which values dropout keeps (a draw of the seed's stream; none drawn when ``level`` is 0)."""
    mask_shape = np.shape(x) if noise_shape is None else tuple(int(size) for size in noise_shape)
    if len(mask_shape) != np.ndim(x) or np.broadcast_shapes(mask_shape, np.shape(x)) != np.shape(x):
        raise ValueError(f"dropout: noise_shape {noise_shape} does not broadcast to the shape {np.shape(x)} of x")
    if level == 0:
        return np.ones(mask_shape, bool)
    return _generator(seed).random(mask_shape) >= level


no_gradient(_keep_mask)


@op
def _kept_scaled(x, keep, level):
    """``x / (1 - level)`` where ``keep``, 0 elsewhere, in ``x``'s dtype."""
    x = np.asarray(x)
    scaled = (x.astype(np.float64) / (1 - level)).astype(x.dtype)
    return np.where(keep, scaled, np.zeros((), x.dtype))


@_kept_scaled.gradient("x")
def _kept_scaled_gradient(cotangent, result, x, keep, level):
    """The kept values' cotangents, scaled as they were (TensorFlow's dropout: ``x * mask / keep_prob``)."""
    return {"x": np.where(keep, cotangent / (1 - level), 0.0)}
