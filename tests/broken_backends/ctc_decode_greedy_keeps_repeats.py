"""Broken on purpose: greedy ctc_decode drops blanks but does not merge repeated labels (A A - B -> A A B)."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import ctc_decode as _ctc_decode
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'ctc_decode'
EXPECTED_MESSAGE = 'ctc_decode('


@_dispatch.op
def _unmerged(y_pred, input_length):
    y_pred = np.asarray(y_pred)
    batch, steps, classes = y_pred.shape
    best = np.argmax(y_pred, axis=-1)
    live = np.arange(steps)[None, :] < np.asarray(input_length).reshape(-1)[:, None]
    decoded = np.full((batch, steps), -1, dtype=np.int64)
    for b in range(batch):
        kept = best[b][live[b] & (best[b] != classes - 1)]
        decoded[b, :len(kept)] = kept
    return decoded


def ctc_decode(y_pred, input_length, greedy=True, beam_width=100, top_paths=1):
    decoded, log_prob = _ctc_decode(y_pred, input_length, greedy, beam_width, top_paths)
    if greedy:
        decoded = [_unmerged(y_pred, input_length)]
    return decoded, log_prob
