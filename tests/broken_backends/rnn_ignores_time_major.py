"""Broken on purpose: rnn treats time-major inputs as batch-major."""

from broken_backends import rnn_ignoring
from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'rnn'
EXPECTED_MESSAGE = 'time_major=True'


rnn = rnn_ignoring('time_major')
