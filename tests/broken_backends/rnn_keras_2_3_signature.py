"""Broken for tf_keras only: rnn has the Keras 2.2/2.3 signature (no time_major, zero_output_for_mask,
return_all_outputs), which classic Keras 2.3 calls correct."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import rnn as _rnn

BROKEN_ENTRY = 'rnn'
EXPECTED_MESSAGE = 'signature lacks the newer parameter(s) time_major, zero_output_for_mask, return_all_outputs'
OPTIONS = ("--contract=tf_keras",)


def rnn(step_function, inputs, initial_states, go_backwards=False, mask=None, constants=None, unroll=False,
        input_length=None):
    return _rnn(step_function, inputs, initial_states, go_backwards=go_backwards, mask=mask,
                constants=constants, unroll=unroll, input_length=input_length)
