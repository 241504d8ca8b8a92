"""Broken on purpose: rnn ignores zero_output_for_mask."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import rnn as _rnn

BROKEN_ENTRY = 'rnn'
EXPECTED_MESSAGE = 'zero_output_for_mask=True'


def rnn(step_function, inputs, initial_states, go_backwards=False, mask=None, constants=None, unroll=False,
        input_length=None, time_major=False, zero_output_for_mask=False, return_all_outputs=True):
    return _rnn(step_function, inputs, initial_states, go_backwards=go_backwards, mask=mask, constants=constants, unroll=unroll,
                input_length=input_length, time_major=time_major, zero_output_for_mask=False,
                return_all_outputs=return_all_outputs)
