"""Broken on purpose: rnn answers the output of the first processed step as last_output."""

import numpy as _np

from broken_backends import rnn_returning
from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'rnn'
EXPECTED_MESSAGE = 'last_output'


def _first_step_as_last(result, options):
    _, outputs, states = result
    outputs = _np.asarray(outputs)
    return (outputs[0] if options['time_major'] else outputs[:, 0]), outputs, states


rnn = rnn_returning(_first_step_as_last)
