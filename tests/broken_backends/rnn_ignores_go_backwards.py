"""Broken on purpose: rnn ignores go_backwards."""

from reference_backend import *  # noqa: F401,F403
from broken_backends import rnn_ignoring

BROKEN_ENTRY = 'rnn'
EXPECTED_MESSAGE = 'go_backwards=True'


rnn = rnn_ignoring('go_backwards')
