"""Broken on purpose: rnn has the Keras 2.2/2.3 signature: no time_major, zero_output_for_mask, return_all_outputs."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import rnn as _rnn

BROKEN_ENTRY = 'rnn'
EXPECTED_MESSAGE = 'unsupported argument: rnn has no parameter'


def rnn(step_function, inputs, initial_states, go_backwards=False, mask=None, constants=None, unroll=False,
        input_length=None):
    return _rnn(step_function, inputs, initial_states, go_backwards=go_backwards, mask=mask,
                constants=constants, unroll=unroll, input_length=input_length)
