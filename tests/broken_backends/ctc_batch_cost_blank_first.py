"""Broken on purpose: ctc_batch_cost takes class 0 as the blank (warp-ctc's and PyTorch's convention), not the
last class."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import ctc_batch_cost as _ctc_batch_cost
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'ctc_batch_cost'
EXPECTED_MESSAGE = 'ctc_batch_cost('

_plain = _ctc_batch_cost.__wrapped__  # the reference's numpy code


@_dispatch.op
def ctc_batch_cost(y_true, y_pred, input_length, label_length):
    y_pred = np.asarray(y_pred)
    classes = y_pred.shape[-1]
    # Renumber so that class 0 sits where the reference looks for the blank; labels keep their indices.
    rolled = np.concatenate([y_pred[..., 1:], y_pred[..., :1]], axis=-1)
    return _plain((np.asarray(y_true) - 1) % classes, rolled, input_length, label_length)
