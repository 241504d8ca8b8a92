"""Broken on purpose: softplus is log(1 + exp(x)) in the input's dtype: exp overflows for large x."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'softplus'
EXPECTED_MESSAGE = 'softplus('

@_dispatch.op
def softplus(x):
    with np.errstate(over="ignore"):
        return np.log(1 + np.exp(x)).astype(x.dtype)
