"""``rnn``: iterate a step function over the time dimension, with tf_keras' semantics;
its gradient goes back through time and through the step function's own ops."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from .backprop import Paths, backpropagate, value_of
from .config import floatx
from .dispatch import Placeholder, SymbolicTensor, Tensor, TensorBase, op

__all__ = ["rnn"]


@op
def rnn(step_function: Callable, inputs: Any, initial_states: Sequence, go_backwards: bool = False,
        mask: Any = None, constants: Sequence | None = None, unroll: bool = False, input_length: int | None = None,
        time_major: bool = False, zero_output_for_mask: bool = False, return_all_outputs: bool = True):
    """Run ``step_function`` over the time axis of ``inputs``; returns
    ``(last_output, outputs, new_states)``.

    * ``inputs``: ``(batch, time, ...)``, or ``(time, batch, ...)`` with ``time_major``;
      rank below 3 raises ``ValueError``.
    * ``step_function(input_t, states) -> (output_t, new_states)`` receives
      ``tuple(states) + tuple(constants)``; it may return its new states as a
      list, a tuple or one bare tensor.
    * ``mask``: ``(batch, time)`` or ``(batch, time, 1)`` (time-major too with
      ``time_major``), any non-zero value keeps a step; another shape raises
      ``ValueError``. A masked step holds every state and repeats the previous
      output (zeros before the first kept step), or outputs zeros with
      ``zero_output_for_mask``.
    * ``go_backwards``: time runs backwards and ``outputs`` stay in processing
      order. ``unroll`` gives the same numbers (there is only one loop here);
      ``input_length`` is a hint and does not change the result.
    * ``outputs`` is ``(batch, time, ...)`` (time-major with ``time_major``);
      ``return_all_outputs=False`` keeps only the last: ``(batch, 1, ...)``.
      ``last_output`` is the last output in processing order, ``new_states``
      the final (masked) states, as a list.
    """
    steps, keep, order = _schedule(inputs, mask, go_backwards, time_major)
    extra = tuple(Tensor(c) for c in (constants or ()))

    def step(t: int, states: list) -> tuple[np.ndarray, list]:
        output, new_states = step_function(Tensor(steps[t]), tuple(Tensor(s) for s in states) + extra)
        # An op on a classic GraphVariable is a graph node with no placeholder: computed here.
        cache: dict[int, Any] = {}
        return (np.asarray(value_of(output, {}, cache)),
                [np.asarray(value_of(s, {}, cache)) for s in _as_list(new_states)])

    outputs, states = _loop(step, order, [np.asarray(s) for s in initial_states], keep, zero_output_for_mask)
    last_output = outputs[-1]
    stacked = np.stack(outputs if return_all_outputs else outputs[-1:])  # (time, batch, ...)
    return last_output, (stacked if time_major else np.swapaxes(stacked, 0, 1)), states


def _schedule(inputs: Any, mask: Any, go_backwards: bool, time_major: bool):
    """``(steps, keep, order)``: the inputs as ``(time, batch, ...)``, the mask as bool
    ``(time, batch)`` (None without one) and the order the steps are taken in (both checked)."""
    inputs = np.asarray(inputs)
    if inputs.ndim < 3:
        raise ValueError(f"rnn needs inputs of rank 3 or more (batch, time, ...); got shape {inputs.shape}")
    steps = inputs if time_major else np.swapaxes(inputs, 0, 1)  # (time, batch, ...)
    keep = None
    if mask is not None:
        mask = np.asarray(mask)
        if mask.ndim == 3 and mask.shape[-1] == 1:
            mask = mask[..., 0]
        if mask.shape != inputs.shape[:2]:
            layout = "(time, batch)" if time_major else "(batch, time)"
            raise ValueError(f"rnn: mask of shape {mask.shape} does not match inputs {inputs.shape}; "
                             f"expected {layout} = {inputs.shape[:2]}")
        keep = (mask if time_major else mask.T).astype(bool)  # (time, batch)
    order = range(steps.shape[0] - 1, -1, -1) if go_backwards else range(steps.shape[0])
    return steps, keep, order


def _as_list(new_states: Any) -> list:
    """A step function's new states as a list (it may answer a list, a tuple or one tensor)."""
    return list(new_states) if isinstance(new_states, (list, tuple)) else [new_states]


def _loop(step: Callable[[int, list], tuple[np.ndarray, list]], order: range, states: list, keep: Any,
          zero_output_for_mask: bool) -> tuple[list, list]:
    """The outputs (in processing order) and the final states of ``step`` taken at each time of
    ``order``: a masked step holds the states and repeats the previous output (zeros before the
    first, or always with ``zero_output_for_mask``)."""
    outputs: list = []
    previous = None
    for t in order:
        output, new_states = step(t, states)
        if keep is not None:
            kept = keep[t]
            held = np.zeros_like(output) if zero_output_for_mask or previous is None else previous
            output = np.where(_along(kept, output), output, held)
            new_states = [np.where(_along(kept, new), new, old) for new, old in zip(new_states, states)]
        outputs.append(output)
        previous, states = output, new_states
    return outputs, states


class _StepGraph:
    """The step function applied once to placeholders: the graph of one step, through which
    the backward pass differentiates each step taken, and the tensors the step function
    captured (the variables it closes over)."""

    def __init__(self, step_function: Callable, input_spec: tuple, state_specs: list, constant_specs: list):
        self.input = Placeholder(input_spec[0], input_spec[1], name="rnn_step_input")
        self.states = [Placeholder(shape, dtype, name=f"rnn_state_{i}") for i, (shape, dtype) in enumerate(state_specs)]
        self.constants = [Placeholder(shape, dtype, name=f"rnn_constant_{i}")
                          for i, (shape, dtype) in enumerate(constant_specs)]
        output, new_states = step_function(self.input, tuple(self.states) + tuple(self.constants))
        self.output, self.new_states = output, _as_list(new_states)
        stand_ins = {id(p) for p in [self.input, *self.states, *self.constants]}
        leaves = [leaf for result in [self.output, *self.new_states] if isinstance(result, SymbolicTensor)
                  for leaf in result.graph_leaves()]
        self.captured = list({id(leaf): leaf for leaf in leaves
                              if isinstance(leaf, TensorBase) and id(leaf) not in stand_ins}.values())
        self.paths = Paths([self.output, *self.new_states], [self.input, *self.states, *self.constants,
                                                             *self.captured])

    def feed(self, step_input: np.ndarray, states: list, constants: list) -> dict:
        return {self.input: step_input, **dict(zip(self.states, states)), **dict(zip(self.constants, constants))}


def _spec(value: Any) -> tuple:
    """``(shape, dtype)`` of a placeholder standing for ``value`` (static: None for unknown sizes)."""
    shape = getattr(value, "shape", None) if isinstance(value, TensorBase) else np.shape(value)
    dtype = getattr(value, "dtype", None) if isinstance(value, TensorBase) else np.asarray(value).dtype
    return (None if shape is None else tuple(shape)), np.dtype(dtype or floatx())


def _captured(step_function, inputs, initial_states, constants, time_major, **_options) -> list:
    """The tensors ``step_function`` captures, found by tracing one step on static shapes."""
    shape, dtype = _spec(inputs)
    step_shape = None if shape is None else (shape[1:] if time_major else shape[:1] + shape[2:])
    return _StepGraph(step_function, (step_shape, dtype), [_spec(s) for s in initial_states],
                      [_spec(c) for c in constants or ()]).captured


def _plus(a: Any, b: Any) -> Any:
    """``a + b`` where None stands for zero."""
    return b if a is None else a if b is None else a + b


@rnn.gradient("inputs", "initial_states", "constants", captures=_captured)
def _rnn_gradient(cotangent, result, step_function, inputs, initial_states, go_backwards, mask, constants, unroll,
                  input_length, time_major, zero_output_for_mask, return_all_outputs):
    """Backpropagation through time, through the step function's own gradient rules: the
    steps are replayed on the step's graph (``_StepGraph``), then walked back from the last,
    each step's cotangents (of its output, plus what a masked later step held of it, and of
    its new states) sent through that step's graph to its input, its states, the constants and
    the captured variables. A masked step passes its states' cotangents straight to the
    previous states and its output's to the previous output it repeated."""
    steps, keep, order = _schedule(inputs, mask, go_backwards, time_major)
    constants = [np.asarray(c) for c in constants or ()]
    graph = _StepGraph(step_function, (steps.shape[1:], steps.dtype), [_spec(s) for s in initial_states],
                       [_spec(c) for c in constants])
    taken: dict[int, tuple[dict, dict]] = {}

    def replay(t: int, states: list) -> tuple[np.ndarray, list]:
        feed = graph.feed(steps[t], states, constants)
        cache: dict[int, Any] = {}
        taken[t] = (feed, cache)
        return (np.asarray(value_of(graph.output, feed, cache)),
                [np.asarray(value_of(s, feed, cache)) for s in graph.new_states])

    _loop(replay, order, [np.asarray(s) for s in initial_states], keep, zero_output_for_mask)
    last, outputs, final_states = cotangent
    per_step: list[Any] = [None] * len(order)
    if outputs is not None:
        in_order = outputs if time_major else np.swapaxes(outputs, 0, 1)
        for k, g in zip(range(len(order)) if return_all_outputs else [len(order) - 1], in_order):
            per_step[k] = g
    per_step[-1] = _plus(per_step[-1], last)
    state_cotangents = list(final_states) if final_states is not None else [None] * len(initial_states)
    input_gradient = np.zeros(steps.shape)
    constant_gradients: list[Any] = [None] * len(constants)
    captured: dict[Any, Any] = {}
    carried = None  # the cotangent of the previous output, which a masked step repeated
    for k in reversed(range(len(order))):
        t = order[k]
        output_cotangent, carried = _plus(per_step[k], carried), None
        held: list[Any] = [None] * len(state_cotangents)
        if keep is not None and output_cotangent is not None:
            kept = _along(keep[t], output_cotangent)
            if not zero_output_for_mask and k > 0:
                carried = np.where(kept, 0.0, output_cotangent)
            output_cotangent = np.where(kept, output_cotangent, 0.0)
        if keep is not None:
            held = [None if g is None else np.where(_along(keep[t], g), 0.0, g) for g in state_cotangents]
            state_cotangents = [None if g is None else np.where(_along(keep[t], g), g, 0.0) for g in state_cotangents]
        feed, cache = taken[t]
        found = backpropagate(graph.paths, [(graph.output, output_cotangent), *zip(graph.new_states, state_cotangents)],
                              feed, cache)
        input_gradient[t] = _plus(found.of(graph.input), 0.0)
        state_cotangents = [_plus(found.of(p), h) for p, h in zip(graph.states, held)]
        constant_gradients = [_plus(g, found.of(p)) for g, p in zip(constant_gradients, graph.constants)]
        for tensor in graph.captured:
            captured[tensor] = _plus(captured.get(tensor), found.of(tensor))
    return {"inputs": input_gradient if time_major else np.swapaxes(input_gradient, 0, 1),
            "initial_states": state_cotangents, "constants": constant_gradients, **captured}


def _along(kept: np.ndarray, value: np.ndarray) -> np.ndarray:
    """The per-sample mask ``kept`` (batch,) shaped to broadcast against ``value``."""
    return kept.reshape(kept.shape + (1,) * (value.ndim - 1))
