"""Broken on purpose: mean's gradient is not broadcast back over the averaged axes: each mean's
cotangent / n goes to the first averaged element only (the forward is the reference's)."""

import builtins

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend import reductions as _reductions

BROKEN_ENTRY = 'mean'
EXPECTED_MESSAGE = 'gradients(sum(mean('


@_dispatch.op
def mean(x, axis=None, keepdims=False):
    return _reductions.mean.__wrapped__(x, axis, keepdims)


@mean.gradient("x")
def _mean_gradient(cotangent, result, x, axis, keepdims):
    reduced = _reductions._reduced(x, axis)
    kept = cotangent if keepdims else np.expand_dims(cotangent, reduced)
    # (the star import shadows slice and max)
    first = tuple(builtins.slice(0, 1) if a in reduced else builtins.slice(None) for a in range(x.ndim))
    gradient = np.zeros(x.shape)
    gradient[first] = kept / builtins.max(_reductions._count(x, axis), 1)
    return {"x": gradient}
