"""Broken on purpose: ctc_batch_cost adds a fixed 1e-7 to the probabilities, whatever epsilon() says."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import config as _config
from reference_backend import ctc_batch_cost as _ctc_batch_cost
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'ctc_batch_cost'
EXPECTED_MESSAGE = "ctc_batch_cost after set_epsilon(0.01)"

_plain = _ctc_batch_cost.__wrapped__  # the reference's numpy code


@_dispatch.op
def ctc_batch_cost(y_true, y_pred, input_length, label_length):
    saved = _config.epsilon()
    _config.set_epsilon(1e-7)
    try:
        return _plain(y_true, y_pred, input_length, label_length)
    finally:
        _config.set_epsilon(saved)
