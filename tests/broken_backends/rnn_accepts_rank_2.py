"""Broken on purpose: rnn treats 2-D inputs as one time step instead of refusing them."""

import functools as _functools

import numpy as _np

from reference_backend import *  # noqa: F401,F403
from reference_backend import rnn as _rnn

BROKEN_ENTRY = 'rnn'
EXPECTED_MESSAGE = 'expected ValueError'


@_functools.wraps(_rnn)
def rnn(step_function, inputs, initial_states, **options):
    if len(getattr(inputs, 'shape', ())) == 2:
        inputs = _np.asarray(inputs)[:, None]
    return _rnn(step_function, inputs, initial_states, **options)
