"""Broken on purpose: rnn with unroll=True drifts from the loop's numbers."""

import numpy as _np

from broken_backends import rnn_returning
from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'rnn'
EXPECTED_MESSAGE = 'unroll=True'


def _drift_when_unrolled(result, options):
    last, outputs, states = result
    drift = 1e-2 if options['unroll'] else 0.0
    return last, outputs, [_np.asarray(state) + drift for state in states]


rnn = rnn_returning(_drift_when_unrolled)
