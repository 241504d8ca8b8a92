"""Broken on purpose: rnn does not pass the constants to the step function."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import rnn as _rnn

BROKEN_ENTRY = 'rnn'
EXPECTED_MESSAGE = 'cell with a constant'


def rnn(step_function, inputs, initial_states, go_backwards=False, mask=None, constants=None, unroll=False,
        input_length=None, time_major=False, zero_output_for_mask=False, return_all_outputs=True):
    def without_constants(x, states):
        return step_function(x, tuple(states) + tuple(states[-1:]))

    return _rnn(without_constants, inputs, initial_states, go_backwards=go_backwards, mask=mask, unroll=unroll,
                input_length=input_length, time_major=time_major, zero_output_for_mask=zero_output_for_mask,
                return_all_outputs=return_all_outputs)
