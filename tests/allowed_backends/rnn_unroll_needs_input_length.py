"""rnn unrolls only with a known length, as classic backends do (Keras' RNN layer always passes input_length)."""

import functools as _functools

from reference_backend import *  # noqa: F401,F403
from reference_backend import rnn as _rnn


@_functools.wraps(_rnn)
def rnn(step_function, inputs, initial_states, go_backwards=False, mask=None, constants=None, unroll=False,
        input_length=None, **newer):
    if unroll and input_length is None:
        raise ValueError("When specifying `unroll=True`, an `input_length` must be provided to `rnn`.")
    return _rnn(step_function, inputs, initial_states, go_backwards=go_backwards, mask=mask, constants=constants,
                unroll=unroll, input_length=input_length, **newer)
