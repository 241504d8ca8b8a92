"""Broken on purpose: one_hot answers in floatx instead of float32. The backend starts with floatx
float64 (set at import), so that the difference shows in a run with no --floatx option."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'one_hot'
EXPECTED_MESSAGE = 'expected dtype float32, got float64'

set_floatx("float64")


@_dispatch.op
def one_hot(indices, num_classes):
    return (np.asarray(indices)[..., np.newaxis] == np.arange(num_classes)).astype(floatx())
