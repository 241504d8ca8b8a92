"""Broken on purpose: dot's gradients of an N-D product (an input of rank 3) have their last two axes
laid out transposed (computed as the transposed products, then reshaped to x's and y's shapes instead
of transposed back); the forward is the reference's, and so is the gradient of a matrix product."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend import linalg as _linalg

BROKEN_ENTRY = 'dot'
EXPECTED_MESSAGE = 'gradients(sum(dot('


@_dispatch.op
def dot(x, y):
    return _linalg.dot.__wrapped__(x, y)


@dot.gradient("x", "y")
def _dot_gradient(cotangent, result, x, y):
    answers = _linalg._dot_gradient(cotangent, result, x, y)
    if x.ndim <= 2 and y.ndim <= 2:
        return answers
    return {name: np.swapaxes(g, -1, -2).reshape(np.shape(g)) if np.ndim(g) >= 2 else g
            for name, g in answers.items()}
