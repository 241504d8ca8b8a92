"""Broken on purpose: rnn ignores go_backwards."""

from broken_backends import rnn_ignoring
from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'rnn'
EXPECTED_MESSAGE = 'go_backwards=True'


rnn = rnn_ignoring('go_backwards')
