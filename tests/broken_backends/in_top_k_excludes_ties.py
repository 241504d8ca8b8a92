"""Broken on purpose: in_top_k takes the k first indices of a stable descending sort: tied classes after them are
out."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'in_top_k'
EXPECTED_MESSAGE = 'in_top_k('

@_dispatch.op
def in_top_k(predictions, targets, k):
    order = np.argsort(-predictions, axis=1, kind="stable")[:, :max(k, 0)]
    finite = np.all(np.isfinite(predictions), axis=1)
    return finite & np.any(order == np.asarray(targets)[:, None], axis=1)
