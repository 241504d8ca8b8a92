"""How checks judge a backend's answers: one exception type, one comparison.

``Mismatch`` is what every check raises when the backend's answer breaks the
contract; its message says what was expected and what happened, on one line.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import numpy as np

from .contract import DEFAULT_TOLERANCE


class Mismatch(AssertionError):
    """The backend's answer differs from the contract."""


class Unsupported(Mismatch):
    """The entry lacks a parameter of the contract (an older Keras 2 signature).
    Reported as its own kind of gap; the checks that do not need the parameter still run."""


def tolerance(dtype: Any, epsilons: float = DEFAULT_TOLERANCE) -> float:
    """The relative (and absolute) tolerance for results of ``dtype``: ``epsilons``
    machine epsilons of the dtype (an entry's record may ask for more); 0 for non-floats."""
    dtype = np.dtype(dtype)
    if dtype.kind != "f":
        return 0.0
    return epsilons * float(np.finfo(dtype).eps)


def as_numpy(value: Any, what: str) -> np.ndarray:
    """``value`` as an array, if it is a numpy value (an ``ndarray`` or a numpy
    scalar, as ``eval`` returns them); otherwise ``Mismatch``."""
    if isinstance(value, (np.ndarray, np.generic)):
        return np.asarray(value)
    raise Mismatch(f"{what}: expected a numpy array, got {type(value).__name__}: {value!r:.80}")


# What an entry that should answer a backend tensor must not answer.
_NOT_TENSORS = (list, tuple, dict, np.ndarray, np.generic, bool, int, float, complex, str, type(None))


def require_tensor(value: Any, what: str) -> Any:
    """``value`` if it can be a backend tensor; ``Mismatch`` for None, lists,
    numpy values and Python numbers, which no entry may answer for a tensor."""
    if isinstance(value, _NOT_TENSORS):
        raise Mismatch(f"{what}: expected a backend tensor, got {type(value).__name__}: {value!r:.60}")
    return value


def assert_close(actual: Any, expected: Any, what: str, dtype: Any = None,
                 rtol: float | None = None) -> None:
    """Check ``actual`` against ``expected``: shape, dtype (``dtype``, default the
    expected array's), NaN and infinity placement, then values within
    ``rtol`` (default ``tolerance(dtype)``) relative plus the same absolute.
    A failure names the worst element, its index, both values and the tolerance.

    The sign of a zero is not judged (``-0.0`` equals ``0.0``): neither Keras 2
    family states it for any entry, and no Keras layer, loss or optimizer can
    tell the two apart except through a division by zero, whose infinities
    are judged by their placement. Pinned examples write ``0.0`` for both.
    """
    __tracebackhide__ = True
    actual = as_numpy(actual, what)
    expected = np.asarray(expected)
    dtype = np.dtype(expected.dtype if dtype is None else dtype)
    if actual.shape != expected.shape:
        raise Mismatch(f"{what}: expected shape {expected.shape}, got {actual.shape}")
    if actual.dtype != dtype:
        raise Mismatch(f"{what}: expected dtype {dtype.name}, got {actual.dtype.name}")
    if dtype.kind not in "fc":
        wrong = np.argwhere(actual != expected)
        if len(wrong):  # not .size: for 0-d arrays argwhere answers shape (1, 0) when they differ
            index = tuple(int(i) for i in wrong[0])
            raise Mismatch(f"{what}: at index {index} expected {scalar_text(expected[index])}, "
                           f"got {scalar_text(actual[index])}"
                           f" ({len(wrong)} of {actual.size} elements differ)")
        return
    for name, test in (("NaN", np.isnan), ("+inf", np.isposinf), ("-inf", np.isneginf)):
        differs = np.argwhere(test(actual) != test(expected))
        if len(differs):
            index = tuple(int(i) for i in differs[0])
            raise Mismatch(f"{what}: {name} placement differs at index {index}: "
                           f"expected {scalar_text(expected[index])}, got {scalar_text(actual[index])}")
    rtol = tolerance(dtype) if rtol is None else rtol
    finite = np.isfinite(expected)
    a = actual.astype(np.float64)[finite]
    e = expected.astype(np.float64)[finite]
    excess = np.abs(a - e) - rtol * (1 + np.abs(e))
    if excess.size and excess.max() > 0:
        worst = int(np.argmax(excess))
        index = tuple(int(i) for i in np.argwhere(finite)[worst])
        raise Mismatch(f"{what}: worst element at index {index}: expected {scalar_text(e[worst])}, "
                       f"got {scalar_text(a[worst])} "
                       f"(|difference| {abs(a[worst] - e[worst]):.3g} > tolerance {rtol:.3g} x (1 + |expected|))")


def assert_results(actual: Any, expected: Any, what: str, epsilons: float = DEFAULT_TOLERANCE) -> None:
    """``assert_close`` for an entry's result: one array, or a list of arrays
    (an entry with several results), each within ``epsilons`` of its dtype."""
    __tracebackhide__ = True
    if isinstance(expected, (list, tuple)):
        if not isinstance(actual, (list, tuple)) or len(actual) != len(expected):
            raise Mismatch(f"{what}: expected {len(expected)} results, got {type(actual).__name__}: {actual!r:.80}")
        for index, (one, wanted) in enumerate(zip(actual, expected)):
            assert_results(one, wanted, f"{what}, result {index}", epsilons)
        return
    wanted = np.asarray(expected)
    assert_close(actual, wanted, what, rtol=tolerance(wanted.dtype, epsilons))


def assert_equal(actual: Any, expected: Any, what: str) -> None:
    """Check a plain Python answer (a string, tuple, int, bool) for equality and type."""
    __tracebackhide__ = True
    if type(actual) is not type(expected) and not (
            isinstance(expected, (bool, int)) and isinstance(actual, (bool, int, np.integer, np.bool_))):
        raise Mismatch(f"{what}: expected {expected!r} ({type(expected).__name__}), "
                       f"got {actual!r} ({type(actual).__name__})")
    if actual != expected:
        raise Mismatch(f"{what}: expected {expected!r}, got {actual!r}")


@contextlib.contextmanager
def expect_raises(expected: type[BaseException], what: str) -> Iterator[None]:
    """The block must raise ``expected`` (or a subclass); another exception
    type, or none, is a ``Mismatch``."""
    __tracebackhide__ = True
    try:
        yield
    except expected:
        return
    except Exception as error:
        raise Mismatch(f"{what}: expected {expected.__name__}, got {type(error).__name__}: {error}") from None
    wanted = "an exception" if expected is Exception else expected.__name__
    raise Mismatch(f"{what}: expected {wanted}, but nothing was raised")


def scalar_text(value: Any) -> str:
    """A numpy scalar as Python writes it (``0.5``, not ``np.float64(0.5)``, whatever numpy's version)."""
    return repr(value.item()) if isinstance(value, np.generic) else repr(value)
