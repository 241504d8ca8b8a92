"""Broken on purpose: rnn ignores zero_output_for_mask."""

from broken_backends import rnn_ignoring
from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'rnn'
EXPECTED_MESSAGE = 'zero_output_for_mask=True'


rnn = rnn_ignoring('zero_output_for_mask')
