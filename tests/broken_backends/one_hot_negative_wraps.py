"""Broken on purpose: one_hot counts negative indices from the end (-1 is the last class), numpy style,
instead of giving them a row of zeros."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'one_hot'
EXPECTED_MESSAGE = 'negative and too large indices give zero rows'

@_dispatch.op
def one_hot(indices, num_classes):
    indices = np.where(indices < 0, indices + num_classes, indices)
    return (indices[..., np.newaxis] == np.arange(num_classes)).astype(np.float32)
