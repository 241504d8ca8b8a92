"""Broken on purpose: beam-search ctc_decode scores prefixes with log(y_pred + eps) as given, without the
per-frame softmax TF's decoder applies (rows that do not sum to 1 shift every log-probability)."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import ctc_decode as _ctc_decode
from reference_backend import dispatch as _dispatch
from reference_backend import epsilon as _epsilon

BROKEN_ENTRY = 'ctc_decode'
EXPECTED_MESSAGE = 'ctc_decode('


@_dispatch.op
def _unnormalised(log_prob, y_pred, input_length):
    y_pred = np.asarray(y_pred).astype(np.float64) + _epsilon()
    live = np.arange(y_pred.shape[1])[None, :] < np.asarray(input_length).reshape(-1)[:, None]
    # the log of each frame's total mass, which normalisation removes
    shift = np.sum(np.where(live, np.log(np.sum(y_pred, axis=-1)), 0.0), axis=1, keepdims=True)
    return (np.asarray(log_prob) + shift).astype(np.asarray(log_prob).dtype)


def ctc_decode(y_pred, input_length, greedy=True, beam_width=100, top_paths=1):
    decoded, log_prob = _ctc_decode(y_pred, input_length, greedy, beam_width, top_paths)
    if not greedy:
        log_prob = _unnormalised(log_prob, y_pred, input_length)
    return decoded, log_prob
