"""``rnn``: iterate a step function over the time dimension, with tf_keras' semantics."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from .dispatch import Tensor, op

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
    states = [np.asarray(s) for s in initial_states]
    extra = tuple(Tensor(c) for c in (constants or ()))
    outputs, previous = [], None
    for t in order:
        output, new_states = step_function(Tensor(steps[t]), tuple(Tensor(s) for s in states) + extra)
        output = np.asarray(output)
        new_states = [np.asarray(s) for s in (new_states if isinstance(new_states, (list, tuple)) else [new_states])]
        if keep is not None:
            kept = keep[t]
            held = np.zeros_like(output) if zero_output_for_mask or previous is None else previous
            output = np.where(_along(kept, output), output, held)
            new_states = [np.where(_along(kept, new), new, old) for new, old in zip(new_states, states)]
        outputs.append(output)
        previous, states = output, new_states
    last_output = outputs[-1]
    stacked = np.stack(outputs if return_all_outputs else outputs[-1:])  # (time, batch, ...)
    return last_output, (stacked if time_major else np.swapaxes(stacked, 0, 1)), states


def _along(kept: np.ndarray, value: np.ndarray) -> np.ndarray:
    """The per-sample mask ``kept`` (batch,) shaped to broadcast against ``value``."""
    return kept.reshape(kept.shape + (1,) * (value.ndim - 1))
