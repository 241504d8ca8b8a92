"""Broken on purpose: rnn treats 2-D inputs as one time step instead of refusing them."""

from reference_backend import *  # noqa: F401,F403
import numpy as _np
from reference_backend import rnn as _rnn

BROKEN_ENTRY = 'rnn'
EXPECTED_MESSAGE = 'expected ValueError'


def rnn(step_function, inputs, initial_states, go_backwards=False, mask=None, constants=None, unroll=False,
        input_length=None, time_major=False, zero_output_for_mask=False, return_all_outputs=True):
    if len(getattr(inputs, 'shape', ())) == 2:
        inputs = _np.asarray(inputs)[:, None]
    return _rnn(step_function, inputs, initial_states, go_backwards=go_backwards, mask=mask, constants=constants, unroll=unroll,
                input_length=input_length, time_major=time_major, zero_output_for_mask=zero_output_for_mask,
                return_all_outputs=return_all_outputs)
