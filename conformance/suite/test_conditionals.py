"""control flow: switch and the learning-phase selectors with callable branches and
``training=None`` (tensor conditions and Python ``training`` values: the catalogue records)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from hypothesis import strategies as st

from conformance.check import given
from conformance.compare import Mismatch, assert_close, assert_equal
from conformance.families import CLASSIC, TF_KERAS, either
from conformance.inputs import arrays, shapes
from conformance.markers import per_entry
from conformance.routes import ROUTES, evaluate, read

SELECTORS = per_entry(("in_train_phase", "in_test_phase"))


def _selected(entry: str, training: Any, x: np.ndarray, alt: np.ndarray) -> tuple[str, np.ndarray]:
    """Which of ``x`` and ``alt`` the selector ``entry`` answers in phase ``training``."""
    takes_x = bool(training) == (entry == "in_train_phase")
    return ("x", x) if takes_x else ("alt", alt)


class CallLog:
    """Callables that note their calls, as branches whose evaluation a check observes."""

    def __init__(self) -> None:
        self.called: list[str] = []

    def branch(self, name: str, make: Callable[[], Any]) -> Callable[[], Any]:
        def call() -> Any:
            self.called.append(name)
            return make()
        return call


@pytest.mark.entry("switch")
@pytest.mark.parametrize("flag", [True, False])
@given(shape=shapes(max_dims=3, max_side=3), data=st.data())
def test_switch_scalar_condition_with_callable_branches(backend, flag, shape, data):
    # tf_keras (TF2 eager) calls only the chosen callable; classic Keras 2.3 builds both branches of its
    # graph (TF1 tf.cond, Theano's ifelse), so it calls both; the value is the chosen branch's either way.
    floatx = backend.settings.floatx
    then, other = (data.draw(arrays(floatx, shape, finite=True), label=label) for label in ("then", "else"))
    log = CallLog()
    condition = backend.variable(np.array(1.0 if flag else 0.0))
    result = backend.switch(condition, log.branch("then", lambda: backend.variable(then)),
                            log.branch("else", lambda: backend.variable(other)))
    what = f"switch(variable({float(flag)}), then_fn, else_fn)"
    assert_close(read(backend, result, what), then if flag else other, what)

    def only_the_chosen() -> None:
        assert_equal(log.called, ["then" if flag else "else"], f"{what}: the callables called")

    def both() -> None:
        assert_equal(sorted(log.called), ["else", "then"], f"{what}: the callables called")

    backend.check.follow("switch's callables",
                         either([(TF_KERAS, only_the_chosen), (CLASSIC, both)], backend.contract, what))


@pytest.mark.entry("switch")
@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("condition_kind", ["scalar", "elementwise"])
@given(shape=shapes(min_dims=1, max_dims=3, max_side=3), data=st.data())
def test_switch_calls_callable_branches(backend, route, condition_kind, shape, data):
    # On the graph route a scalar condition is a placeholder: both callables build the graph.
    then, other = (data.draw(arrays(backend.settings.floatx, shape), label=label) for label in ("then", "else"))
    condition = data.draw(arrays("bool", () if condition_kind == "scalar" else shape), label="condition")
    what = f"switch({condition_kind} condition, lambda: then, lambda: else)"
    result = evaluate(backend, route, lambda c, t, e: backend.switch(c, lambda: t, lambda: e),
                      condition, then, other, what=what)
    assert_close(result, np.where(condition, then, other), f"{what} by the {route} route")


@pytest.mark.parametrize("entry", SELECTORS)
@pytest.mark.parametrize("phase", [0, 1])
@pytest.mark.parametrize("route", ROUTES)
def test_selector_without_training_follows_the_learning_phase(backend, entry, phase, route):
    x, alt = np.array([[1.0, -2.0], [3.0, 0.5]]), np.array([[-4.0, 5.0], [0.0, 6.0]])
    backend.set_learning_phase(phase)  # the config guard restores the phase after the check
    _, expected = _selected(entry, phase, x, alt)
    what = f"{entry}(x, alt) after set_learning_phase({phase})"
    result = evaluate(backend, route, getattr(backend, entry), x, alt, what=what)
    assert_close(result, expected, f"{what} by the {route} route")


@pytest.mark.parametrize("entry", SELECTORS)
@pytest.mark.parametrize("training", [1, 0, True, False])
def test_selector_calls_only_the_chosen_callable(backend, entry, training):
    x, alt = (np.array(values, dtype=backend.settings.floatx) for values in ([1.0, -2.0, 3.0], [-4.0, 5.0, 0.0]))
    log = CallLog()
    result = getattr(backend, entry)(log.branch("x", lambda: backend.variable(x)),
                                     log.branch("alt", lambda: backend.variable(alt)), training=training)
    name, expected = _selected(entry, training, x, alt)
    what = f"{entry}(x_fn, alt_fn, training={training!r})"
    if log.called != [name]:
        raise Mismatch(f"{what}: expected only {name}_fn to be called, got calls {log.called}")
    assert_close(read(backend, result, what), expected, what)
