"""rnn: the recurrent loop, against the reference running the same step function.

Each step function is written once against a backend ``K`` (tensor operators,
``tanh``, ``dot``) and runs with the backend under test's ops and with the
reference's. Each scenario pins
one behaviour (masking, go_backwards, constants, time_major, ...) with fixed
inputs; a property check then draws shapes, masks and every flag together.
Arguments older Keras 2 signatures lack (``time_major``, ``zero_output_for_mask``,
``return_all_outputs``) are an "unsupported argument" gap, and the checks that
do not need them still run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytest
from hypothesis import strategies as st

from conformance.catalogue import CATALOGUE
from conformance.check import given
from conformance.compare import Mismatch, assert_close, expect_raises, tolerance
from conformance.escapes import not_judged
from conformance.inputs import float_width
from conformance.recording import arithmetic
from conformance.reproduction import bound
from conformance.routes import ROUTES, read
from conformance.suite.test_entry_gradients import SLACK, gradient_values

NEWER_ARGUMENTS = ("time_major", "zero_output_for_mask", "return_all_outputs")
FLAG_DEFAULTS = {"go_backwards": False, "unroll": False, "time_major": False, "zero_output_for_mask": False,
                 "return_all_outputs": True}


@dataclass(frozen=True)
class Cell:
    """A step function ``step(K, x, states)`` written with backend ``K``'s ops,
    and the shapes of its states for ``features`` inputs per step."""

    name: str
    step: Callable
    state_shapes: Callable[[int, int], list[tuple[int, ...]]]
    constants: bool = False  # whether the step reads one constant after its states

    def __str__(self) -> str:
        return self.name

    def bound_to(self, K, features: int) -> Callable:
        """The step function as ``rnn`` calls it, using ``K``'s ops, for ``features`` inputs per step
        (given, not read with ``int_shape``: inside rnn a graph backend knows no static shape)."""
        return bound(self.step, K, features=features)


def _cumulative(K, x, states, *, features):
    total = x + states[0]
    return total, [total]


def _linear(K, x, states, *, features):
    # weights that keep the numbers small and make every step count differently
    out = x * 0.5 + states[0] * 0.25
    return out, [out]


def _tanh_cell(K, x, states, *, features):
    weights = np.linspace(-0.5, 0.5, features * features).reshape(features, features)
    out = K.tanh(K.dot(x, K.constant(weights)) + K.dot(states[0], K.constant(weights.T)))
    return out, [out]


def _two_states(K, x, states, *, features):
    total, count = states[0] * 0.5 + x, states[1] + 1.0  # count has shape (batch, 1)
    return total * count, [total, count]


def _with_constant(K, x, states, *, features):
    scale = states[-1]  # the constant comes after the states
    out = x * scale + states[0]
    return out, [out]


CELLS = {cell.name: cell for cell in (
    Cell("cumulative sum", _cumulative, lambda b, f: [(b, f)]),
    Cell("linear cell", _linear, lambda b, f: [(b, f)]),
    Cell("simple cell tanh(x.W + h.U)", _tanh_cell, lambda b, f: [(b, f)]),
    Cell("two states of different shapes", _two_states, lambda b, f: [(b, f), (b, 1)]),
    Cell("cell with a constant", _with_constant, lambda b, f: [(b, f)], constants=True),
)}


@dataclass
class Case:
    """One rnn call: the cell, numpy inputs (batch-major), and the keyword arguments."""

    cell: Cell
    inputs: np.ndarray
    states: list[np.ndarray]
    constants: list[np.ndarray] = field(default_factory=list)
    mask: np.ndarray | None = None  # (batch, time), batch-major like inputs
    flags: dict[str, Any] = field(default_factory=dict)

    def step(self, K) -> Callable:
        """The cell's step function on ``K``'s ops."""
        return self.cell.bound_to(K, self.inputs.shape[-1])

    def arguments(self) -> tuple[np.ndarray, np.ndarray | None]:
        """inputs and mask in the layout the flags ask for."""
        if self.flags.get("time_major"):
            return np.swapaxes(self.inputs, 0, 1), None if self.mask is None else self.mask.T
        return self.inputs, self.mask

    def describe(self) -> str:
        parts = [str(self.cell)] + [f"{k}={v!r}" for k, v in self.flags.items()]
        if self.mask is not None:
            parts.append(f"mask={self.mask.astype(int).tolist()}")
        return f"rnn({', '.join(parts)})"


def make_case(cell: Cell, floatx: str, batch: int = 2, time: int = 4, features: int = 3,
              mask: Any = None, values: np.ndarray | None = None, **flags: Any) -> Case:
    if values is None:
        values = np.arange(1, batch * time * features + 1).reshape(batch, time, features) / 8.0
    states = [np.full(shape, 0.5) for shape in cell.state_shapes(batch, features)]
    constants = [np.full((batch, features), 1.5)] if cell.constants else []
    if flags.get("unroll") and flags.get("input_length") is None:
        # Keras 2 unrolls only with a known length: its RNN layer always passes input_length
        # with unroll=True (classic backends need it; Keras 2.3.1's backend_test passes it too).
        flags["input_length"] = time
    return Case(cell, values.astype(floatx), [s.astype(floatx) for s in states], [c.astype(floatx) for c in constants],
                None if mask is None else np.asarray(mask, dtype=bool), flags)


def supported_arguments(backend) -> set[str]:
    """rnn's parameters; an unreadable signature is taken to be the whole tf_keras one."""
    return backend.parameters("rnn") or set(NEWER_ARGUMENTS)


def require_arguments(backend, case: Case) -> None:
    """Skip a scenario needing parameters only tf_keras has that the backend lacks: its signature
    check reports them once (a gap under the tf_keras contract only), not every check using them."""
    missing = [name for name in case.flags if name in NEWER_ARGUMENTS and name not in supported_arguments(backend)]
    if missing:
        not_judged(f"needs rnn's parameter(s) {', '.join(missing)}, which only tf_keras has and the backend lacks")


def run_reference(reference, case: Case) -> tuple:
    inputs, mask = case.arguments()
    last, outputs, states = reference.rnn(case.step(reference), inputs, case.states, mask=mask,
                                          constants=case.constants or None, **case.flags)
    return np.asarray(last), np.asarray(outputs), [np.asarray(s) for s in states]


def run_backend(backend, case: Case, route: str) -> tuple:
    """``rnn`` on the backend by ``route``; returns numpy last output, outputs and states."""
    inputs, mask = case.arguments()
    arrays = [inputs] + case.states + case.constants + ([] if mask is None else [mask])
    if route == "eager":
        tensors = [backend.constant(a, dtype=a.dtype.name) for a in arrays]
        result = call_rnn(backend, case, tensors)
        return read(backend, result[0], "last_output"), read(backend, result[1], "outputs"), [
            read(backend, s, "a state") for s in result[2]]
    placeholders = [backend.placeholder(shape=a.shape, dtype=a.dtype.name) for a in arrays]
    last, outputs, states = call_rnn(backend, case, placeholders)
    values = backend.function(placeholders, [last, outputs, *states])(arrays)
    return values[0], values[1], list(values[2:])


def call_rnn(backend, case: Case, tensors: list) -> Any:
    n = len(case.states)
    inputs, states, constants = tensors[0], tensors[1:1 + n], tensors[1 + n:1 + n + len(case.constants)]
    mask = tensors[-1] if case.mask is not None else None
    result = backend.rnn(case.step(backend), inputs, states, mask=mask, constants=constants or None, **case.flags)
    if not isinstance(result, (tuple, list)) or len(result) != 3:
        raise Mismatch(f"{case.describe()}: expected (last_output, outputs, new_states), got {result!r:.80}")
    if len(result[2]) != len(case.states):
        raise Mismatch(f"{case.describe()}: expected {len(case.states)} new states, got {len(result[2])}")
    return result


def assert_same_as_reference(backend, reference, case: Case, route: str) -> None:
    require_arguments(backend, case)
    expected = run_reference(reference, case)
    got = run_backend(backend, case, route)
    what = f"{case.describe()} by the {route} route"
    assert_close(got[0], expected[0], f"{what}: last_output")
    assert_close(got[1], expected[1], f"{what}: outputs")
    for index, (state, want) in enumerate(zip(got[2], expected[2])):
        assert_close(state, want, f"{what}: new_states[{index}]")


MASK = [[1, 1, 0, 0], [1, 1, 1, 1]]  # trailing steps masked for the first sample
HOLES = [[1, 0, 1, 0], [0, 1, 1, 1]]  # a masked first step, masked steps between kept ones
SCENARIOS: dict[str, dict[str, Any]] = {
    "basic": dict(cell="linear cell"),
    "simple cell tanh(x.W + h.U)": dict(cell="simple cell tanh(x.W + h.U)", mask=HOLES),
    "go_backwards": dict(cell="linear cell", go_backwards=True),
    "mask repeats the previous output and holds the states": dict(cell="linear cell", mask=HOLES),
    "mask with zero_output_for_mask": dict(cell="linear cell", mask=HOLES, zero_output_for_mask=True),
    "all-false mask": dict(cell="cumulative sum", mask=[[0, 0, 0, 0], [0, 0, 0, 0]]),
    "mask and go_backwards": dict(cell="cumulative sum", mask=MASK, go_backwards=True),
    "constants after the states": dict(cell="cell with a constant"),
    "time_major": dict(cell="linear cell", time_major=True),
    "time_major with a mask": dict(cell="cumulative sum", time_major=True, mask=MASK),
    "unroll": dict(cell="linear cell", unroll=True, mask=HOLES),
    "unroll with input_length": dict(cell="linear cell", unroll=True, input_length=4),
    "return_all_outputs=False": dict(cell="linear cell", return_all_outputs=False),
    "two states of different shapes": dict(cell="two states of different shapes", mask=MASK),
    "one time step": dict(cell="two states of different shapes", time=1, unroll=True),
}


@pytest.mark.entry("rnn")
@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_rnn_scenario(backend, reference, scenario, route):
    settings = dict(SCENARIOS[scenario])
    case = make_case(CELLS[settings.pop("cell")], backend.settings.floatx, **settings)
    assert_same_as_reference(backend, reference, case, route)


@st.composite
def cases(draw, floatx: str, supported: set[str]) -> Case:
    batch, time, features = draw(st.integers(1, 3), label="batch"), draw(st.integers(1, 4), label="time"), \
        draw(st.integers(1, 3), label="features")
    cell = CELLS[draw(st.sampled_from(sorted(CELLS)), label="cell")]
    shape = (batch, time)
    masks = {"none": None, "all true": np.ones(shape), "all false": np.zeros(shape),
             "leading false": np.arange(time) >= time // 2 + np.zeros((batch, 1)),
             "trailing false": np.arange(time) < (time + 1) // 2 + np.zeros((batch, 1)),
             "random": draw(st.lists(st.booleans(), min_size=batch * time, max_size=batch * time))}
    kind = draw(st.sampled_from(sorted(masks)), label="mask kind")
    mask = masks[kind] if kind != "random" else np.array(masks["random"]).reshape(shape)
    values = draw(st.lists(st.floats(-2, 2, width=float_width(floatx)), min_size=batch * time * features,
                           max_size=batch * time * features), label="inputs")
    drawn = {name: draw(st.booleans(), label=name) for name in FLAG_DEFAULTS
             if name in supported or name not in NEWER_ARGUMENTS}
    flags = {name: value for name, value in drawn.items() if value != FLAG_DEFAULTS[name]}
    return make_case(cell, floatx, batch, time, features, mask=mask,
                     values=np.array(values).reshape(batch, time, features), **flags)


@pytest.mark.entry("rnn")
@pytest.mark.parametrize("route", ROUTES)
@given(data=st.data())
def test_rnn_every_flag_together(backend, reference, route, data):
    case = data.draw(cases(backend.settings.floatx, supported_arguments(backend)), label="case")
    assert_same_as_reference(backend, reference, case, route)


# Cells of operators only: the tanh cell's dot has a gradient check of its own, and a dot without a
# gradient must not fail rnn's.
GRADIENT_SCENARIOS = ("mask repeats the previous output and holds the states", "go_backwards",
                      "mask with zero_output_for_mask", "constants after the states", "unroll",
                      "two states of different shapes")


@pytest.mark.entry("rnn")
@pytest.mark.parametrize("scenario", GRADIENT_SCENARIOS)
def test_rnn_gradient_agrees_with_reference(backend, reference, scenario):
    # rnn's record draws no calls (a step function is no array), so the generated gradient check does
    # not reach it: the gradient of a weighted sum of every result, in the inputs, the initial states
    # and the constants, against the reference's exact one (its rnn's reverse mode), on the graph route.
    settings = dict(SCENARIOS[scenario])
    floatx = backend.settings.floatx
    case = make_case(CELLS[settings.pop("cell")], floatx, **settings)
    require_arguments(backend, case)
    inputs, mask = case.arguments()
    arrays = [inputs, *case.states, *case.constants] + ([] if mask is None else [mask])
    differentiated = 1 + len(case.states) + len(case.constants)
    found = _rnn_gradients(backend, case, arrays, differentiated)
    expected = _rnn_gradients(reference, case, arrays, differentiated)
    labels = ["inputs"] + [f"initial_states[{i}]" for i in range(len(case.states))] + [
        f"constants[{i}]" for i in range(len(case.constants))]
    what = f"gradients(sum of every result of {case.describe()} * w, [inputs, states, constants]) by the graph route"
    rtol = tolerance(floatx, CATALOGUE["rnn"].tolerance * SLACK)
    for label, one, wanted in zip(labels, found, expected):
        if one is None:
            raise Mismatch(f"{what}: expected a gradient for {label}, got None (no gradient)")
        assert_close(one, wanted, f"{what}: the gradient in {label}", rtol=rtol)


def _rnn_gradients(module, case: Case, arrays: list[np.ndarray], differentiated: int) -> list[Any]:
    """The gradients of ``sum(last * w1) + sum(outputs * w2) + sum(state * w3) + ...`` (``w`` fixed, drawn
    from seed 0) in the first ``differentiated`` placeholders, by ``module``, as numpy (None where None)."""
    placeholders = [module.placeholder(shape=a.shape, dtype=a.dtype.name) for a in arrays]
    last, outputs, states = call_rnn(module, case, placeholders)
    results, rng = [last, outputs, *states], np.random.default_rng(0)
    shapes = [case.inputs[:, 0].shape, case.inputs.shape, *[s.shape for s in case.states]]
    loss = None
    for result, shape in zip(results, shapes):  # batch-major, all outputs: GRADIENT_SCENARIOS flip neither
        weight = rng.uniform(-1.0, 1.0, shape).astype(case.inputs.dtype)
        term = module.sum(arithmetic(module, "*", result, module.constant(weight, dtype=weight.dtype.name)))
        loss = term if loss is None else arithmetic(module, "+", loss, term)
    return gradient_values(module, loss, placeholders[:differentiated], list(zip(placeholders, arrays)))


@pytest.mark.entry("rnn")
def test_rnn_rejects_inputs_of_rank_2(backend):
    inputs = backend.constant(np.ones((2, 3)))
    with expect_raises(ValueError, "rnn(step, inputs of shape (2, 3), [state])"):
        backend.rnn(CELLS["cumulative sum"].bound_to(backend, 3), inputs, [backend.constant(np.zeros((2, 3)))])


@pytest.mark.entry("rnn")
def test_rnn_rejects_a_mask_of_the_wrong_shape(backend):
    inputs = backend.constant(np.ones((2, 4, 3)))
    mask = backend.constant(np.ones((2, 3)), dtype="bool")
    with expect_raises(Exception, "rnn(step, inputs of shape (2, 4, 3), [state], mask of shape (2, 3))"):
        last, outputs, states = backend.rnn(CELLS["cumulative sum"].bound_to(backend, 3), inputs,
                                            [backend.constant(np.zeros((2, 3)))], mask=mask)
        backend.eval(outputs)  # a backend may only fail when the values are computed
