"""Broken on purpose: rnn treats time-major inputs as batch-major."""

from reference_backend import *  # noqa: F401,F403
from broken_backends import rnn_ignoring

BROKEN_ENTRY = 'rnn'
EXPECTED_MESSAGE = 'time_major=True'


rnn = rnn_ignoring('time_major')
