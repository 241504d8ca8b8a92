"""Broken on purpose: reverse reverses only the first axis of a list of axes."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'reverse'
EXPECTED_MESSAGE = 'every axis of the list'

@_dispatch.op
def reverse(x, axes):
    axes = [axes] if isinstance(axes, int) else list(axes)
    return np.flip(x, axis=axes[0]) if axes else x
