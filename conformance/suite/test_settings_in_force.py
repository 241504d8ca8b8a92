"""Entries that take a dtype or an epsilon from the configuration follow the setting in force, not the
one the run started with.

A default run is float32 with epsilon 1e-7: a creator that always makes float32, or a loss that clips
at a fixed 1e-7, would pass every other check. Here each entry whose record reads ``floatx`` or
``epsilon`` (``Entry.reads``) is called after ``set_floatx`` (to a float type other than the run's) or
``set_epsilon`` (to 1e-2), on the backend and on the references alike, and must answer as they do
under the same setting (within the tolerance of the dtype in force then). The config guard restores
the run's settings after the check. (Entries that take their layout from ``image_data_format()`` are
checked under each layout in ``test_conv.py``.)
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from conformance.catalogue import CATALOGUE
from conformance.families import CLASSIC, agree, answer_of, attempt
from conformance.markers import entry_param

# The settings judged here; the layout is judged in test_conv.py.
SETTINGS = ("floatx", "epsilon")

OTHER_EPSILON = 1e-2  # far from the default 1e-7 and from any floor a backend may hard-code


def _other_floatx(floatx: str) -> str:
    return "float32" if floatx == "float64" else "float64"


def _kept_dtype(values: Any) -> np.ndarray:
    """Random values reduced to their dtype and shape: zeros of the same array, comparable across backends."""
    return np.asarray(values) * 0


def _probabilities(K: Any) -> Any:
    return K.variable(np.array([[1.0, 0.0], [0.0, 1.0]]))


def _booleans(K: Any) -> Any:
    return K.variable(np.array([True, False, False]), dtype="bool")


def _ctc_cost(K: Any) -> Any:
    """A label of probability 0 in every frame: its cost is -log of a sum of epsilon() terms."""
    def ints(values: list) -> Any:
        return K.variable(np.array(values), dtype="int32")
    return K.eval(K.ctc_batch_cost(ints([[0, -1]]), K.variable(np.array([[[0.0, 1.0], [0.0, 1.0]]])),
                                   ints([[2]]), ints([[1]])))


def _ctc_decoded_log_probability(K: Any) -> Any:
    """The greedy decoder's log-probability: minus the sum over frames of the largest log(y_pred + epsilon())."""
    decoded = K.ctc_decode(K.variable(np.array([[[0.7, 0.3], [0.2, 0.8]]])), K.variable(np.array([2]), dtype="int32"))
    return K.eval(decoded[1])


# entry -> a computation that shows the settings it reads (on any Keras 2 backend module); every entry
# whose record reads a setting of ``SETTINGS`` has one (tests/unit/test_catalogue.py).
PROBES: dict[str, Callable[[Any], Any]] = {
    "variable": lambda K: K.eval(K.variable(np.array([1, 2]))),
    "constant": lambda K: K.eval(K.constant([1.5, 2.0])),
    "zeros": lambda K: K.eval(K.zeros((2, 3))),
    "ones": lambda K: K.eval(K.ones((2, 3))),
    "eye": lambda K: K.eval(K.eye(3)),
    "zeros_like": lambda K: K.eval(K.zeros_like(K.variable(np.array([1.5, 2.0]), dtype="float16"))),
    "ones_like": lambda K: K.eval(K.ones_like(K.variable(np.array([1.5, 2.0]), dtype="float16"))),
    # An empty array of the dtype the placeholder answers: compared by dtype.
    "placeholder": lambda K: np.zeros(0, dtype=K.dtype(K.placeholder(shape=(2,)))),
    "cast_to_floatx": lambda K: K.cast_to_floatx(np.array([1, 2])),
    "mean": lambda K: K.eval(K.mean(_booleans(K))),
    "var": lambda K: K.eval(K.var(_booleans(K))),
    "std": lambda K: K.eval(K.std(_booleans(K))),
    "random_normal": lambda K: _kept_dtype(K.eval(K.random_normal((3,), seed=1))),
    "random_uniform": lambda K: _kept_dtype(K.eval(K.random_uniform((3,), seed=1))),
    "truncated_normal": lambda K: _kept_dtype(K.eval(K.truncated_normal((3,), seed=1))),
    "random_binomial": lambda K: _kept_dtype(K.eval(K.random_binomial((3,), p=0.5, seed=1))),
    "random_bernoulli": lambda K: _kept_dtype(K.eval(K.random_bernoulli((3,), p=0.5, seed=1))),
    "random_normal_variable": lambda K: _kept_dtype(K.eval(K.random_normal_variable((3,), 0.0, 1.0))),
    "random_uniform_variable": lambda K: _kept_dtype(K.eval(K.random_uniform_variable((3,), 0.0, 1.0))),
    # Predictions of exactly 0 and 1 are clipped to [epsilon, 1 - epsilon].
    "categorical_crossentropy": lambda K: K.eval(K.categorical_crossentropy(
        _probabilities(K), K.variable(np.array([[0.0, 1.0], [0.0, 1.0]])))),
    "sparse_categorical_crossentropy": lambda K: K.eval(K.sparse_categorical_crossentropy(
        K.variable(np.array([0, 1]), dtype="int32"), K.variable(np.array([[0.0, 1.0], [0.0, 1.0]])))),
    "binary_crossentropy": lambda K: K.eval(K.binary_crossentropy(
        _probabilities(K), K.variable(np.array([[0.0, 1.0], [1.0, 1.0]])))),
    "binary_focal_crossentropy": lambda K: K.eval(K.binary_focal_crossentropy(
        _probabilities(K), K.variable(np.array([[0.0, 1.0], [1.0, 1.0]])))),
    "categorical_focal_crossentropy": lambda K: K.eval(K.categorical_focal_crossentropy(
        _probabilities(K), K.variable(np.array([[0.0, 1.0], [0.0, 1.0]])))),
    "ctc_batch_cost": _ctc_cost,
    "ctc_decode": _ctc_decoded_log_probability,
}

READING = [(name, setting) for name, entry in CATALOGUE.items() for setting in entry.reads if setting in SETTINGS]


class _WithConvention:
    """Module ``module`` with entry ``name`` computed by a convention of classic Keras 2.3 (a function
    of numpy arrays, ``reference_backend.classic.CONVENTIONS``): its arguments are read as arrays and
    its answer made a variable of ``module`` again, so a computation written for a module can use it."""

    def __init__(self, module: Any, name: str, function: Callable[..., Any]):
        self._module, self._name, self._function = module, name, function

    def __getattr__(self, attribute: str) -> Any:
        if attribute != self._name:
            return getattr(self._module, attribute)

        def compute(*args: Any, **kwargs: Any) -> Any:
            answer = np.asarray(self._function(*[np.asarray(arg) for arg in args], **kwargs))
            return self._module.variable(answer, dtype=str(answer.dtype))
        return compute


@pytest.mark.parametrize("name, setting", [entry_param(name, name, setting, id=f"{name}-{setting}")
                                           for name, setting in READING])
def test_follows_the_setting_in_force(backend, run, name, setting):
    compute = PROBES[name]
    value = _other_floatx(backend.settings.floatx) if setting == "floatx" else OTHER_EPSILON
    references = [(oracle.way, oracle.module) for oracle in run.oracles if oracle.module is not None]
    for module in [backend] + [module for _, module in references]:
        getattr(module, f"set_{setting}")(value)
    # Conventions of the classic family compute on its module, whose setting was just changed too.
    classic = [module for way, module in references if way == CLASSIC]
    references += [(oracle.way, _WithConvention(classic[0], name, oracle.function))
                   for oracle in run.oracles if oracle.entry == name and oracle.function is not None and classic]
    expected = [(way, answer_of(attempt(functools.partial(compute, module)))) for way, module in references]
    found = attempt(lambda: compute(backend))
    what = f"{name} after set_{setting}({value!r})"
    backend.check.follow(what, agree(found, expected, backend.contract, what))

