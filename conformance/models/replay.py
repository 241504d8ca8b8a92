"""The culprit of a diverging training step: its backend calls replayed through the reference.

While Keras builds the model and its training function, every backend entry it
calls is recorded (the module's functions are wrapped in place before Keras
imports them). At the diverging step, each recorded call's tensor arguments are
evaluated on that step's batch through the backend's own ``function``, then the
call is replayed on those values in the backend and in the reference. The first
call whose answer differs is the culprit; where every answer agrees, the same
calls are replayed once more through ``gradients`` (a wrong gradient rule only
shows there). ``rnn``'s step function is Keras code bound to the backend under
test, so its call is judged against the contract's loop over that step function
(``rnn_loop``); other calls taking a callable (``in_train_phase``'s branches) are
not replayed (the calls their callables make are), and are named as the likely
culprits when nothing replayed differs.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import inspect
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from reference_backend.dispatch import leaves, map_leaves

from ..calls import arrays_in
from ..catalogue import KERAS_2_3_IMPORTS
from ..compare import scalar_text
from ..contract import DEFAULT_TOLERANCE
from .rnn_loop import rnn_by_steps

# Entries whose answer is not a computation on their tensor arguments (creation, evaluation,
# bookkeeping) or is random: replaying them through the reference would compare nothing.
NOT_REPLAYED = frozenset({
    "variable", "constant", "placeholder", "function", "gradients", "eval", "get_value", "batch_get_value",
    "set_value", "batch_set_value", "name_scope", "learning_phase", "print_tensor", "dropout",
    "random_normal", "random_uniform", "random_binomial", "truncated_normal", "random_uniform_variable",
    "random_normal_variable", "shape", "int_shape", "ndim", "dtype", "is_tensor", "is_variable",
    "is_keras_tensor", "is_placeholder", "is_sparse", "count_params", "get_uid", "zeros", "ones", "eye",
    "floatx", "epsilon", "image_data_format", "stop_gradient",
})
UPDATES = frozenset({"update", "update_add", "update_sub", "moving_average_update"})
# The backends Keras 2.3.1 ships, which KERAS_BACKEND names without a module.
KERAS_OWN_BACKENDS = frozenset({"tensorflow", "theano", "cntk"})


@dataclass
class Call:
    """One recorded call of a backend entry while Keras built the model."""

    entry: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    result: Any = None


@dataclass
class Recorder:
    """Wraps the backend module's functions in place; records calls while ``recording``."""

    module: Any
    calls: list[Call] = field(default_factory=list[Any])
    active: bool = False

    def install(self, names: set[str]) -> None:
        for name in names:
            function = getattr(self.module, name, None)
            if callable(function) and not isinstance(function, type):
                setattr(self.module, name, self._wrap(name, function))

    def _wrap(self, name: str, function: Any) -> Any:
        @functools.wraps(function)
        def recorded(*args: Any, **kwargs: Any) -> Any:
            result = function(*args, **kwargs)
            if self.active:
                # Calls made inside an entry are recorded too: Keras' own callables (in_train_phase's
                # branches, rnn's step function) run there, and a backend calling its own entries
                # only adds calls that keep their contracts.
                self.calls.append(Call(name, args, kwargs, result))
            return result
        return recorded

    @contextlib.contextmanager
    def recording(self) -> Iterator[None]:
        self.active = True
        try:
            yield
        finally:
            self.active = False


class Values:
    """The concrete values of the backend's tensors at one training step."""

    def __init__(self, module: Any, inputs: list[Any], feed: list[Any]):
        self.module, self.inputs, self.feed = module, inputs, feed
        self.cache: dict[int, np.ndarray | None] = {}

    def of(self, tensor: Any) -> np.ndarray | None:
        key = id(tensor)
        if key not in self.cache:
            try:
                if self.module.is_variable(tensor):
                    self.cache[key] = np.asarray(self.module.get_value(tensor))
                else:
                    self.cache[key] = np.asarray(self.module.function(self.inputs, [tensor])(self.feed)[0])
            except Exception:  # a tensor of a step function's own graph: not reachable from the inputs
                self.cache[key] = None
        return self.cache[key]


def _is_tensor(module: Any, leaf: Any) -> bool:
    try:
        return bool(module.is_tensor(leaf)) or bool(module.is_variable(leaf))
    except Exception:
        return False


def concrete_arguments(module: Any, call: Call, values: Values) -> tuple[tuple[Any, ...], dict[str, Any]] | None:
    """The call's arguments with each tensor replaced by its value; None when one has none."""
    missing = object()
    def value(leaf: Any) -> Any:
        if _is_tensor(module, leaf):
            found = values.of(leaf)
            return missing if found is None else found
        return leaf
    args, kwargs = map_leaves((call.args, call.kwargs), value)
    if any(leaf is missing for leaf in leaves((args, kwargs))):
        return None
    return args, kwargs


def replay(module: Any, entry: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """``entry`` of ``module`` on concrete arguments (arrays become the module's variables);
    the answer as numpy values (an update entry's: the variable afterwards)."""
    def as_variable(leaf: Any) -> Any:
        if isinstance(leaf, np.ndarray):
            return module.variable(leaf, dtype=leaf.dtype.name)
        return leaf
    margs, mkwargs = map_leaves((args, kwargs), as_variable)
    result = getattr(module, entry)(*margs, **mkwargs)
    if entry in UPDATES:
        target = margs[0] if margs else mkwargs["x"]
        before = args[0] if args else kwargs["x"]
        if np.array_equal(module.get_value(target), before) and result is not None:
            module.function([], [], updates=[result])([])  # classic: updates run with the function
        return np.asarray(module.get_value(target))
    return map_leaves(result, lambda leaf: np.asarray(module.eval(leaf)) if _is_tensor(module, leaf) else leaf)


def replay_gradient(module: Any, entry: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> list[np.ndarray]:
    """The gradients of ``sum(entry(...) * c)`` (``c`` a fixed cotangent) in the call's float
    arrays, on the graph route (placeholders, ``gradients``, ``function``)."""
    floats = [leaf for leaf in leaves((args, kwargs)) if isinstance(leaf, np.ndarray) and leaf.dtype.kind == "f"]
    stand_ins = {id(leaf): module.placeholder(shape=leaf.shape, dtype=leaf.dtype.name) for leaf in floats}
    margs, mkwargs = map_leaves((args, kwargs), lambda leaf: stand_ins.get(id(leaf), leaf))
    result = getattr(module, entry)(*margs, **mkwargs)
    shape = tuple(module.int_shape(result))
    cotangent = np.random.RandomState(0).uniform(0.5, 1.5, shape).astype(module.dtype(result))
    loss = module.sum(result * module.constant(cotangent))
    placeholders = [stand_ins[id(leaf)] for leaf in floats]
    gradients = module.gradients(loss, placeholders)
    return [np.asarray(g) for g in module.function(placeholders, gradients)(floats)]


def departure(got: np.ndarray, want: np.ndarray, limit: float) -> str | None:
    """Where float values ``got`` leave ``want`` by more than ``limit * (1 + |want|)`` (NaN where
    ``want`` has none, or none where it has NaN, counts as the worst); None when nowhere."""
    got64, want64 = np.asarray(got, np.float64), np.asarray(want, np.float64)
    with np.errstate(invalid="ignore"):
        excess = np.abs(got64 - want64) - limit * (1 + np.abs(want64))
    badness = np.where(np.isnan(got64) != np.isnan(want64), np.inf, np.nan_to_num(excess, nan=-np.inf))
    if not np.any(badness > 0):
        return None
    index = tuple(int(i) for i in np.unravel_index(int(np.argmax(badness)), badness.shape))
    return (f"worst element at index {index}: expected {scalar_text(want[index])}, got {scalar_text(got[index])} "
            f"(tolerance {limit:.3g} x (1 + |expected|))")


def differs(actual: Any, expected: Any) -> str | None:
    """Why ``actual`` is not ``expected`` (structures of arrays), within the per-entry checks'
    default tolerance of the expected dtype; None when they agree."""
    actual_arrays = list(arrays_in(map_leaves(actual, np.asarray)))  # numpy scalars as 0-d arrays
    expected_arrays = list(arrays_in(map_leaves(expected, np.asarray)))
    if len(actual_arrays) != len(expected_arrays):
        return f"{len(actual_arrays)} results, expected {len(expected_arrays)}"
    for got, want in zip(actual_arrays, expected_arrays):
        if got.shape != want.shape:
            return f"shape {got.shape}, expected {want.shape}"
        if want.dtype.kind != "f":
            if not np.array_equal(got, want):
                first = tuple(int(i) for i in np.argwhere(got != want)[0]) if want.ndim else ()
                return f"at index {first}: expected {scalar_text(want[first])}, got {scalar_text(got[first])}"
            continue
        tolerance = DEFAULT_TOLERANCE * float(np.finfo(want.dtype).eps)
        why = departure(got, want, tolerance)
        if why is not None:
            return why
    return None


def reproduction(backend: str, entry: str, args: tuple[Any, ...], kwargs: dict[str, Any], gradient: bool) -> list[str]:
    """Plain Python against the backend: the call on the step's values."""
    lines = ["import numpy as np", f"import {backend} as K"]
    names: dict[int, str] = {}
    def name(leaf: Any) -> Any:
        if isinstance(leaf, np.ndarray):
            names[id(leaf)] = f"t{len(names) + 1}"
            with np.printoptions(threshold=1000000, precision=9, floatmode="maxprec"):
                text = np.array2string(leaf, separator=", ").replace("\n", " ")
            lines.append(f"{names[id(leaf)]} = K.variable(np.array({text}, dtype='{leaf.dtype.name}'))")
            return _Name(names[id(leaf)])
        return leaf
    nargs, nkwargs = map_leaves((args, kwargs), name)
    arguments = ", ".join([repr(a) for a in nargs] + [f"{k}={v!r}" for k, v in nkwargs.items()])
    lines.append(f"result = K.{entry}({arguments})")
    if gradient:
        lines.append("# then its gradient in the float arguments, on placeholders: K.gradients(K.sum(result * c), ...)")
    return lines


class _Name(str):
    def __repr__(self) -> str:
        return str(self)


def expected_answer(module: Any, entry: str, args: tuple[Any, ...], kwargs: dict[str, Any], gradient: bool) -> Any:
    """What the call must answer: the reference's replay; for ``rnn``, whose step function is
    Keras code bound to ``module``, the contract's loop over that step function."""
    import reference_backend
    if entry != "rnn":
        return (replay_gradient if gradient else replay)(reference_backend, entry, args, kwargs)
    if gradient:
        raise NotImplementedError("rnn's gradient is not replayed: its step function runs on the backend alone")
    from reference_backend.rnn import rnn as contract
    bound = inspect.signature(contract).bind(*args, **kwargs)
    return rnn_by_steps(module, **bound.arguments)


def find_culprit(name: str, step: int) -> dict[str, Any]:
    """Record, train up to ``step`` (1-based; 0: inference before training), replay its calls;
    the first that differs."""
    backend = os.environ["KERAS_BACKEND"]
    if backend in KERAS_OWN_BACKENDS:
        backend = "keras.backend"  # Keras' own backends are reached through it: it star-imports them
    module = importlib.import_module(backend)
    recorder = Recorder(module)
    recorder.install(set(KERAS_2_3_IMPORTS))  # before Keras copies the module's functions
    import keras

    from .child import batch, initial_weights, scenario_and_data
    scenario, x, y = scenario_and_data(name)
    with recorder.recording():
        model = scenario.build(keras)
        model._make_train_function()
    model.set_weights(initial_weights(model))
    for earlier in range(step - 1):
        model.train_on_batch(batch(x, earlier), batch(y, earlier))
    # Step 0 is inference before any training: the first batch in the test phase.
    xs, ys, weights = model._standardize_user_data(batch(x, max(step - 1, 0)), batch(y, max(step - 1, 0)))
    inputs = model._feed_inputs + model._feed_targets + model._feed_sample_weights
    feed = xs + ys + weights
    if model._uses_dynamic_learning_phase():
        inputs, feed = inputs + [keras.backend.learning_phase()], feed + [int(step > 0)]
    values = Values(module, inputs, feed)
    not_replayed: list[str] = []
    replayable = []
    for call in recorder.calls:
        if call.entry in NOT_REPLAYED:
            continue
        takes_callable = any(callable(leaf) and not _is_tensor(module, leaf)
                             for leaf in leaves((call.args, call.kwargs)))
        if takes_callable and call.entry != "rnn":
            not_replayed.append(call.entry)
            continue
        concrete = concrete_arguments(module, call, values)
        if concrete is not None:
            replayable.append((call.entry, *concrete))
    called = sorted({call.entry for call in recorder.calls})
    for gradient in (False, True):
        for entry, args, kwargs in replayable:
            run = replay_gradient if gradient else replay
            try:
                expected = expected_answer(module, entry, args, kwargs, gradient)
            except Exception:
                continue  # the reference cannot replay it either (a gradient of an integer op): no evidence
            try:
                actual = run(module, entry, args, kwargs)
            except Exception as error:
                why: str | None = f"raised {type(error).__name__}: {error}"
            else:
                why = differs(actual, expected)
            if why is not None:
                return {"entry": entry, "gradient": gradient, "why": why,
                        "reproduction": reproduction(backend, entry, args, kwargs, gradient),
                        "replayed": len(replayable), "not_replayed": sorted(set(not_replayed)), "called": called}
    return {"entry": None, "replayed": len(replayable), "not_replayed": sorted(set(not_replayed)), "called": called}
