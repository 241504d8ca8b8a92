"""Broken on purpose: ctc_decode adds a fixed 1e-7 to the probabilities, whatever epsilon() says."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import config as _config
from reference_backend import ctc_decode as _ctc_decode
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'ctc_decode'
EXPECTED_MESSAGE = "ctc_decode after set_epsilon(0.01)"

_plain = _ctc_decode.__wrapped__  # the reference's numpy code


@_dispatch.op
def ctc_decode(y_pred, input_length, greedy=True, beam_width=100, top_paths=1):
    saved = _config.epsilon()
    _config.set_epsilon(1e-7)
    try:
        return _plain(y_pred, input_length, greedy, beam_width, top_paths)
    finally:
        _config.set_epsilon(saved)
