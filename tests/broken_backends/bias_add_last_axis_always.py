"""Broken on purpose: bias_add adds a 1-D bias on the last axis under channels_first too
(data_format ignored), broadcasting whenever the sizes allow."""

import numpy as np

import reference_backend as _reference
from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'bias_add'
EXPECTED_MESSAGE = "channels_first"


@_dispatch.op
def bias_add(x, bias, data_format=None):
    if bias.ndim == 1 and x.shape[-1] == bias.shape[0]:
        return x + bias
    return np.asarray(_reference.bias_add(x, bias, data_format))
