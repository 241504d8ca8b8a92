"""Broken on purpose: gradients differentiates the mean of a non-scalar loss, not its sum."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend.gradients import gradients as _gradients

BROKEN_ENTRY = 'gradients'
EXPECTED_MESSAGE = 'gradients(sum('


@_dispatch.op
def _divide_by_size(gradient, loss):
    return (np.asarray(gradient) / np.maximum(1, np.size(loss))).astype(np.asarray(gradient).dtype)


def gradients(loss, variables):
    return [None if g is None else _divide_by_size(g, loss) for g in _gradients(loss, variables)]
