"""Broken on purpose: rnn ignores the mask."""

from broken_backends import rnn_ignoring
from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'rnn'
EXPECTED_MESSAGE = 'mask='


rnn = rnn_ignoring('mask')
