"""Broken on purpose: rnn updates the states on masked steps too (only the outputs are masked)."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend import rnn as _rnn

BROKEN_ENTRY = 'rnn'
EXPECTED_MESSAGE = 'new_states'


@_dispatch.op
def rnn(step_function, inputs, initial_states, go_backwards=False, mask=None, constants=None, unroll=False,
        input_length=None, time_major=False, zero_output_for_mask=False, return_all_outputs=True):
    last, outputs, _ = _rnn(step_function, inputs, initial_states, go_backwards=go_backwards, mask=mask, constants=constants, unroll=unroll,
                input_length=input_length, time_major=time_major, zero_output_for_mask=zero_output_for_mask,
                return_all_outputs=return_all_outputs)
    _, _, states = _rnn(step_function, inputs, initial_states, go_backwards=go_backwards, mask=None, constants=constants, unroll=unroll,
                input_length=input_length, time_major=time_major, zero_output_for_mask=zero_output_for_mask,
                return_all_outputs=return_all_outputs)
    return last, outputs, states
