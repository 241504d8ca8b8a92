"""Broken on purpose: under go_backwards, rnn returns the outputs in input order, not processing order."""

import numpy as _np

from broken_backends import rnn_returning
from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'rnn'
EXPECTED_MESSAGE = 'go_backwards=True'


def _input_order(result, options):
    last, outputs, states = result
    if options['go_backwards']:
        outputs = _np.flip(_np.asarray(outputs), axis=0 if options['time_major'] else 1)
    return last, outputs, states


rnn = rnn_returning(_input_order)
