"""Broken on purpose: rnn does not pass the constants to the step function."""

import functools as _functools

from reference_backend import *  # noqa: F401,F403
from reference_backend import rnn as _rnn

BROKEN_ENTRY = 'rnn'
EXPECTED_MESSAGE = 'cell with a constant'


@_functools.wraps(_rnn)
def rnn(step_function, inputs, initial_states, **options):
    def without_constants(x, states):
        return step_function(x, tuple(states) + tuple(states[-1:]))

    options.pop('constants', None)
    return _rnn(without_constants, inputs, initial_states, **options)
