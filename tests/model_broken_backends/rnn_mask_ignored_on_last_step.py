"""Broken on purpose: rnn treats the last time step as kept whatever the mask says (padding at
the end of a sequence then updates the state)."""

from reference_backend import concatenate as _concatenate
from reference_backend import ones_like as _ones_like
from reference_backend import rnn as _rnn
from reference_backend.classic import *  # noqa: F401,F403

SCENARIO = "lstm_masked"
CULPRIT = "rnn"


def rnn(step_function, inputs, initial_states, go_backwards=False, mask=None, constants=None, unroll=False,
        input_length=None, time_major=False, zero_output_for_mask=False, return_all_outputs=True):
    if mask is not None:
        mask = _concatenate([mask[:, :-1], _ones_like(mask[:, -1:])], axis=1)
    return _rnn(step_function, inputs, initial_states, go_backwards, mask, constants, unroll, input_length,
                time_major, zero_output_for_mask, return_all_outputs)
