"""Broken on purpose: rnn updates the states on masked steps too (only the outputs are masked)."""

import functools as _functools

from broken_backends import rnn_ignoring
from reference_backend import *  # noqa: F401,F403
from reference_backend import rnn as _rnn

BROKEN_ENTRY = 'rnn'
EXPECTED_MESSAGE = 'new_states'

_unmasked = rnn_ignoring('mask')


@_functools.wraps(_rnn)
def rnn(step_function, inputs, initial_states, **options):
    last, outputs, _ = _rnn(step_function, inputs, initial_states, **options)
    return last, outputs, _unmasked(step_function, inputs, initial_states, **options)[2]
