"""Random tensors, random variables and dropout: statistical checks.

Random values cannot be compared with the reference's, so each check draws a
large sample (n = 40,000 values, a 200 x 200 tensor, unless said otherwise)
and judges its statistics. Every bound is ``Z_BOUND = 6`` standard errors
wide, computed from the sample size in the check's docstring: a correct
backend breaks one with probability P(|N(0, 1)| > 6) = 2.0e-9 (below 1e-8
per bound; n is large enough for the normal approximation of the mean and of
the sample standard deviation). Wrong parameters (a stddev, a range, a
probability, a scale ignored) move a statistic by tens or hundreds of
standard errors. Seeds are fixed, so a backend gets the same verdict on every run.

Random tensors are drawn on both routes: ``eager`` with a tuple shape, and
``graph`` with the shape of a placeholder (``shape(p)``, first dimension
unknown) evaluated by ``function``; dropout takes a variable or a placeholder.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

from conformance.catalogue import CATALOGUE
from conformance.compare import Mismatch, assert_close
from conformance.escapes import not_judged
from conformance.markers import entry_param, per_entry
from conformance.routes import ROUTES, evaluate, read

Z_BOUND = 6  # standard errors per bound: P(|N(0,1)| > 6) = 2.0e-9
SHAPE = (200, 200)
N = SHAPE[0] * SHAPE[1]
# Standard deviation of N(0, 1) truncated to [-2, 2] (values beyond re-drawn).
TRUNCATED_STD = 0.8796256610342398
# Fourth moment of that truncated distribution, for the standard error of its sample std.
TRUNCATED_FOURTH_MOMENT = 1.4161891248494622


def _other_float(floatx: str) -> str:
    """A float dtype other than floatx, to check that an explicit ``dtype`` is honoured."""
    return "float32" if floatx == "float64" else "float64"


def takes_seed(backend: Any, name: str) -> bool:
    """Whether entry ``name`` has a ``seed`` parameter (assumed when its signature cannot be read)."""
    return "seed" in (backend.parameters(name) or {"seed"})


def sample(backend: Any, route: str, name: str, *args: Any, **kwargs: Any) -> np.ndarray:
    """``name(SHAPE, *args, **kwargs)`` read as numpy: on the eager route with the
    tuple ``SHAPE``; on the graph route with ``shape(p)`` of a placeholder ``p`` of
    shape ``(None, 200)``, fed a 200 x 200 value."""
    function = backend.entry(name)
    what = f"{name}({SHAPE}, {', '.join([repr(a) for a in args] + [f'{k}={v!r}' for k, v in kwargs.items()])})"
    if route == "eager":
        return read(backend, function(SHAPE, *args, **kwargs), f"{what} by the eager route")
    return evaluate(backend, "graph", lambda like: function(backend.shape(like), *args, **kwargs),
                    np.zeros(SHAPE, backend.settings.floatx), what=f"{what} by the graph route")


def assert_array(values: Any, shape: tuple, dtype: str, what: str) -> np.ndarray:
    """``values`` as a float64 array, once its shape and dtype are right."""
    if not isinstance(values, np.ndarray):
        raise Mismatch(f"{what}: expected a numpy array, got {type(values).__name__}")
    if values.shape != shape:
        raise Mismatch(f"{what}: expected shape {shape}, got {values.shape}")
    if values.dtype != np.dtype(dtype):
        raise Mismatch(f"{what}: expected dtype {dtype}, got {values.dtype.name}")
    if not np.isfinite(values).all():
        raise Mismatch(f"{what}: non-finite values")
    return values.astype(np.float64)


def assert_statistic(name: str, value: float, expected: float, standard_error: float, what: str,
                     n: int = N) -> None:
    """``|value - expected| <= Z_BOUND * standard_error`` (of a sample of ``n``)."""
    bound = Z_BOUND * standard_error
    if not abs(value - expected) <= bound:
        raise Mismatch(f"{what}: {name} {value:.5g}, expected {expected:.5g} +- {bound:.3g} "
                       f"({Z_BOUND} standard errors of a sample of {n})")


def assert_in_range(values: np.ndarray, low: float, high: float, what: str, high_open: bool = False) -> None:
    """Every value in [low, high] (or [low, high) with ``high_open``)."""
    above = values >= high if high_open else values > high
    if (values < low).any() or above.any():
        raise Mismatch(f"{what}: values outside [{low}, {high}{')' if high_open else ']'}: "
                       f"min {values.min():.5g}, max {values.max():.5g}")


def assert_normal(values: np.ndarray, mean: float, stddev: float, what: str) -> None:
    """Sample mean within 6 sigma/sqrt(n) = 0.030 sigma of ``mean``; sample std within
    6 sigma/sqrt(2n) = 0.021 sigma of ``stddev`` (n = 40,000)."""
    assert_statistic("mean", values.mean(), mean, stddev / math.sqrt(N), what)
    assert_statistic("standard deviation", values.std(), stddev, stddev / math.sqrt(2 * N), what)


# ---------------------------------------------------------------- random tensors

@pytest.mark.entry("random_normal")
@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("mean, stddev, explicit_dtype", [(0.0, 1.0, False), (-10.0, 5.0, True)])
def test_random_normal_mean_and_spread(backend, route, mean, stddev, explicit_dtype):
    """N(mean, stddev^2), n = 40,000: the sample mean's standard error is
    stddev/sqrt(n) = stddev/200, so the bound is 6/200 = 0.030 stddev; the sample
    std's is about stddev/sqrt(2n) = stddev/283, bound 0.021 stddev."""
    dtype = _other_float(backend.settings.floatx) if explicit_dtype else None
    values = sample(backend, route, "random_normal", mean=mean, stddev=stddev, dtype=dtype, seed=11)
    what = f"random_normal({SHAPE}, mean={mean}, stddev={stddev}, dtype={dtype!r}) by the {route} route"
    assert_normal(assert_array(values, SHAPE, dtype or backend.settings.floatx, what), mean, stddev, what)


@pytest.mark.entry("random_uniform")
@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("low, high, explicit_dtype", [(0.0, 1.0, False), (-3.0, 5.0, True)])
def test_random_uniform_range_and_spread(backend, route, low, high, explicit_dtype):
    """U[low, high) of width w, n = 40,000: every value in [low, high); the
    smallest below low + 0.01 w and the largest above high - 0.01 w (each fails
    with probability 0.99^n = e^-402); the mean's standard error is
    w/sqrt(12 n) = 0.00144 w (bound 0.0087 w); the std's is
    sqrt((w^4/80 - (w^2/12)^2) / n) / (2 w/sqrt(12)) = 0.00065 w (bound 0.0039 w)."""
    dtype = _other_float(backend.settings.floatx) if explicit_dtype else None
    values = sample(backend, route, "random_uniform", minval=low, maxval=high, dtype=dtype, seed=12)
    what = f"random_uniform({SHAPE}, minval={low}, maxval={high}, dtype={dtype!r}) by the {route} route"
    values = assert_array(values, SHAPE, dtype or backend.settings.floatx, what)
    width = high - low
    assert_in_range(values, low, high, what, high_open=True)
    if values.min() > low + 0.01 * width or values.max() < high - 0.01 * width:
        raise Mismatch(f"{what}: values do not fill the range: min {values.min():.5g}, max {values.max():.5g}")
    assert_statistic("mean", values.mean(), (low + high) / 2, width / math.sqrt(12 * N), what)
    assert_statistic("standard deviation", values.std(), width / math.sqrt(12),
                     math.sqrt((width ** 4 / 80 - (width ** 2 / 12) ** 2) / N) / (2 * width / math.sqrt(12)), what)


@pytest.mark.parametrize("name", per_entry(("random_binomial", "random_bernoulli")))
@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("p, explicit_dtype", [(0.3, False), (0.85, True), (1.0, False)])
def test_bernoulli_values_and_frequency(backend, name, route, p, explicit_dtype):
    """Values 1 with probability p, else 0, n = 40,000: every value is 0 or 1; the
    frequency of ones has standard error sqrt(p (1 - p) / n): 0.0023 for p = 0.3
    (bound 0.0137), 0.0018 for p = 0.85 (bound 0.0107); p = 1 gives only ones."""
    dtype = _other_float(backend.settings.floatx) if explicit_dtype else None
    values = sample(backend, route, name, p=p, dtype=dtype, seed=13)
    what = f"{name}({SHAPE}, p={p}, dtype={dtype!r}) by the {route} route"
    values = assert_array(values, SHAPE, dtype or backend.settings.floatx, what)
    if not np.isin(values, (0.0, 1.0)).all():
        raise Mismatch(f"{what}: values other than 0 and 1, e.g. {values[~np.isin(values, (0.0, 1.0))][0]!r}")
    assert_statistic("frequency of ones", values.mean(), p, math.sqrt(p * (1 - p) / N), what)


@pytest.mark.entry("truncated_normal")
@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("mean, stddev, explicit_dtype", [(0.0, 1.0, False), (1.0, 3.0, True)])
def test_truncated_normal_within_two_sigma(backend, route, mean, stddev, explicit_dtype):
    """N(mean, stddev^2) with values beyond 2 stddev re-drawn, n = 40,000: every value
    in [mean - 2 stddev, mean + 2 stddev]; its std is s = 0.87963 stddev and its
    fourth moment m4 = 1.41619 stddev^4, so the sample mean's standard error is
    s/sqrt(n) = 0.0044 stddev (bound 0.026 stddev) and the sample std's is
    sqrt((m4 - s^4) / n) / (2 s) = 0.0026 stddev (bound 0.015 stddev)."""
    dtype = _other_float(backend.settings.floatx) if explicit_dtype else None
    values = sample(backend, route, "truncated_normal", mean=mean, stddev=stddev, dtype=dtype, seed=14)
    what = f"truncated_normal({SHAPE}, mean={mean}, stddev={stddev}, dtype={dtype!r}) by the {route} route"
    values = assert_array(values, SHAPE, dtype or backend.settings.floatx, what)
    assert_in_range(values, mean - 2 * stddev, mean + 2 * stddev, what)
    spread = TRUNCATED_STD * stddev
    assert_statistic("mean", values.mean(), mean, spread / math.sqrt(N), what)
    assert_statistic("standard deviation", values.std(), spread,
                     stddev * math.sqrt((TRUNCATED_FOURTH_MOMENT - TRUNCATED_STD ** 4) / N) / (2 * TRUNCATED_STD),
                     what)


# ---------------------------------------------------------------- random variables

# entry -> (its two distribution parameters, (mean, std) of the distribution).
RANDOM_VARIABLES = {
    "random_uniform_variable": ((-2.0, 6.0), (2.0, 8.0 / math.sqrt(12))),
    "random_normal_variable": ((3.0, 2.0), (3.0, 2.0)),
}


@pytest.mark.parametrize("name", per_entry(RANDOM_VARIABLES))
@pytest.mark.parametrize("explicit_dtype", [False, True])
def test_random_variable_is_assignable_and_distributed(backend, name, explicit_dtype):
    """A variable (``set_value`` assigns it) whose values have the distribution's
    mean and std, n = 40,000. Standard errors: the mean's std/sqrt(n) = std/200
    (bound 0.030 std); the normal's sample std stddev/sqrt(2n) (bound 0.021
    stddev); the uniform's sample std 0.00065 w for width w = 8 (bound 0.031);
    the uniform's values lie in [low, high). An entry without ``seed`` (Theano's) is called without
    it: its signature check reports the missing parameter."""
    dtype = _other_float(backend.settings.floatx) if explicit_dtype else None
    params, (mean, std) = RANDOM_VARIABLES[name]
    seeded = {"seed": 15} if takes_seed(backend, name) else {}  # judged unseeded rather than not at all
    what = f"{name}({SHAPE}, {params[0]}, {params[1]}, dtype={dtype!r}" + (", seed=15)" if seeded else ")")
    created = getattr(backend, name)(SHAPE, *params, dtype=dtype, **seeded)
    values = assert_array(read(backend, created, what), SHAPE, dtype or backend.settings.floatx, what)
    if name == "random_uniform_variable":
        width = params[1] - params[0]
        assert_in_range(values, *params, what, high_open=True)
        assert_statistic("mean", values.mean(), mean, std / math.sqrt(N), what)
        assert_statistic("standard deviation", values.std(), std,
                         math.sqrt((width ** 4 / 80 - (width ** 2 / 12) ** 2) / N) / (2 * std), what)
    else:
        assert_normal(values, mean, std, what)
    zeros = np.zeros(SHAPE, dtype or backend.settings.floatx)
    try:
        backend.set_value(created, zeros)
    except Exception as error:  # a plain tensor cannot be assigned: the entry's fault, not set_value's
        raise Mismatch(f"{what} is not a variable: set_value on it raised {type(error).__name__}: {error}") from None
    assert_close(backend.get_value(created), zeros, f"{what} after set_value(v, zeros): not a variable")


# ---------------------------------------------------------------- seeds


def _drawn(backend: Any, route: str, name: str, seed: int) -> np.ndarray:
    """One draw of ``name`` with ``seed`` (dropout: of a 200 x 200 tensor of ones)."""
    if name == "dropout":
        ones = np.ones(SHAPE, backend.settings.floatx)
        return evaluate(backend, route, lambda x: backend.dropout(x, 0.5, seed=seed), ones,
                        what=f"dropout(ones{SHAPE}, 0.5, seed={seed}) by the {route} route")
    if name in RANDOM_VARIABLES:
        created = getattr(backend, name)(SHAPE, *RANDOM_VARIABLES[name][0], seed=seed)
        return read(backend, created, f"{name}({SHAPE}, seed={seed})")
    return sample(backend, route, name, **({"p": 0.5} if name in ("random_binomial", "random_bernoulli") else {}),
                  seed=seed)


SEEDED = [entry_param(name, name, route, id=f"{name}-{route}")
          for name in ("random_normal", "random_uniform", "random_binomial", "random_bernoulli", "truncated_normal",
                       "random_uniform_variable", "random_normal_variable", "dropout")
          for route in CATALOGUE[name].routes]


@pytest.mark.parametrize("name, route", SEEDED)
def test_seed_reproducible_from_fresh_session(backend, name, route):
    """From a fresh session (``clear_session`` before each draw) seed 21 twice
    gives the same values, and seed 22 other values (two independent draws of
    40,000 values never coincide: at most 0.5^40000).

    What the same seed gives twice within one session is left open: classic
    Keras 2.3 on TF1 graphs (and the reference) repeat the values, while
    tf_keras on TF2 continues one stream per seed within a session. An entry without ``seed``
    is not judged here: its signature check reports the missing parameter."""
    backend.entry(name)
    if not takes_seed(backend, name):
        not_judged(f"{name} has no seed parameter (a gap of its signature)")
    draws = []
    for seed in (21, 21, 22):
        backend.clear_session()
        draws.append(_drawn(backend, route, name, seed))
    first, again, other = draws
    what = f"{name} by the {route} route"
    if not np.array_equal(first, again):
        raise Mismatch(f"{what}: seed=21 twice (each after clear_session) gave different values "
                       f"({int(np.sum(first != again))} of {first.size} differ)")
    if np.array_equal(first, other):
        raise Mismatch(f"{what}: seed=21 and seed=22 gave the same values (the seed is ignored)")


# ---------------------------------------------------------------- dropout

@pytest.mark.entry("dropout")
@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("level", [0.3, 0.75])
def test_dropout_scales_kept_values_and_drops_the_level(backend, route, level):
    """Each value is 0 (dropped) or x / (1 - level) (kept), in x's dtype: on a
    small x of distinct values, then on a 200 x 200 x of 1.5 (a constant, so a
    failure's reproduction stays short), whose fraction dropped, n = 40,000,
    has standard error sqrt(level (1 - level) / n): 0.0023 for level 0.3
    (bound 0.0137), 0.0022 for 0.75 (bound 0.013)."""
    for x in (np.array([[1.0, -2.0, 3.0, 0.5], [4.0, -1.5, 2.5, -3.0]], backend.settings.floatx),
              np.full(SHAPE, 1.5, backend.settings.floatx)):
        what = f"dropout(x{x.shape}, {level}, seed=31) by the {route} route"
        result = evaluate(backend, route, lambda t: backend.dropout(t, level, seed=31), x, what=what)
        assert_array(result, x.shape, backend.settings.floatx, what)
        dropped = result == 0
        kept_expected = (x.astype(np.float64) / (1 - level)).astype(x.dtype)
        assert_close(result[~dropped], kept_expected[~dropped], f"{what}: kept values are not x / (1 - level)")
    assert_statistic("fraction dropped", dropped.mean(), level, math.sqrt(level * (1 - level) / N), what)


@pytest.mark.entry("dropout")
@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("noise_shape", [(1000, 1), (1, 40)], ids=["rows", "columns"])
def test_dropout_noise_shape_broadcasts(backend, route, noise_shape):
    """With noise_shape (1000, 1) on a 1000 x 40 x, whole rows are
    dropped together; with (1, 40), whole columns. Level 0.3: the fraction of
    dropped rows, n = 1,000, has standard error sqrt(0.21 / 1000) = 0.0145 (bound
    0.087); of dropped columns, n = 40: 0.072 (bound 0.43)."""
    level, shape = 0.3, (1000, 40)
    x = np.full(shape, 2.0, backend.settings.floatx)
    what = f"dropout(x{shape}, {level}, noise_shape={noise_shape}, seed=32) by the {route} route"
    result = evaluate(backend, route, lambda t: backend.dropout(t, level, noise_shape=noise_shape, seed=32), x,
                      what=what)
    dropped = assert_array(result, shape, backend.settings.floatx, what) == 0
    axis = 1 if noise_shape[1] == 1 else 0  # the axis the mask is broadcast along
    unit = "row" if axis == 1 else "column"
    whole = dropped.all(axis=axis) | (~dropped).all(axis=axis)
    if not whole.all():
        raise Mismatch(f"{what}: {int(np.sum(~whole))} {unit}s partly dropped (the mask must broadcast along "
                       f"axis {axis})")
    units = dropped.all(axis=axis)
    assert_statistic(f"fraction of dropped {unit}s", units.mean(), level,
                     math.sqrt(level * (1 - level) / units.size), what, n=units.size)
