"""``rnn``'s contract as a plain loop, for replaying a recorded ``rnn`` call.

Keras' step function is Keras code bound to the backend under test, so the reference's
``rnn`` cannot run it. This loop calls it one time step at a time on the backend's own
variables and does the rest of the contract (time order, masks, the outputs kept) in
numpy: what the backend's ``rnn`` must answer with that step function.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np


def rnn_by_steps(module: Any, step_function: Callable[..., Any], inputs: np.ndarray,
                 initial_states: Sequence[np.ndarray], go_backwards: bool = False, mask: np.ndarray | None = None,
                 constants: Sequence[np.ndarray] | None = None, unroll: bool = False,
                 input_length: int | None = None) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
    """``(last_output, outputs, new_states)`` as Keras 2.3.1's ``rnn`` defines them (batch-major
    inputs): time runs backwards with ``go_backwards`` and outputs stay in processing order;
    a step the mask drops holds every state and repeats the previous output (zeros before the
    first kept step). ``unroll`` and ``input_length`` do not change the answer."""
    def value(tensor: Any) -> np.ndarray:
        return np.asarray(module.eval(tensor))
    held = [module.variable(c, dtype=c.dtype.name) for c in constants or []]
    states = [np.asarray(s) for s in initial_states]
    times = range(inputs.shape[1])
    output: np.ndarray | None = None
    outputs = []
    for t in reversed(times) if go_backwards else times:
        step_input = module.variable(inputs[:, t], dtype=inputs.dtype.name)
        answer, new = step_function(step_input, [module.variable(s, dtype=s.dtype.name) for s in states] + held)
        new_output = value(answer)
        new_states = [value(s) for s in (new if isinstance(new, (list, tuple)) else [new])]
        if mask is not None:
            kept = np.asarray(mask)[:, t].astype(bool)
            new_output = _where(kept, new_output, np.zeros_like(new_output) if output is None else output)
            new_states = [_where(kept, fresh, old) for fresh, old in zip(new_states, states)]
        output, states = new_output, new_states
        outputs.append(new_output)
    assert output is not None, "rnn over zero time steps"
    return output, np.stack(outputs, axis=1), states


def _where(kept: np.ndarray, fresh: np.ndarray, old: np.ndarray) -> np.ndarray:
    """``fresh`` in the batch rows ``kept``, ``old`` in the others."""
    return np.where(kept.reshape((-1,) + (1,) * (fresh.ndim - 1)), fresh, old)
