"""Broken on purpose: clip is numpy's ``clip``: when max_value < min_value the result is max_value, not min_value."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'clip'
EXPECTED_MESSAGE = 'every element becomes min_value'


@_dispatch.op
def clip(x, min_value, max_value):
    low = -np.inf if min_value is None else min_value
    high = np.inf if max_value is None else max_value
    return np.broadcast_to(np.clip(x, low, high), x.shape).astype(x.dtype)
