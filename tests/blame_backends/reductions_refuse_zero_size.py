"""One root cause, four entries: min, sum, prod and mean raise on a tensor with a zero-size dimension.

(Not max: classic Keras 2.3 refuses an empty reduction, which the default contract admits, and whether max's draws
reduce a zero-size tensor along a non-empty axis is up to its examples.)"""

import numpy as _np

import reference_backend as _reference
from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN = ("min", "sum", "prod", "mean")


def _refusing(name):
    entry = getattr(_reference, name)

    @_dispatch.op
    def compute(x, axis=None, keepdims=False):
        if _np.size(x) == 0:
            raise ValueError(f"Input of CAReduce{{{name}}} has zero-size")
        return _np.asarray(entry(x, axis, keepdims))

    compute.__name__ = name
    compute.gradient_rule = entry.gradient_rule  # differentiable as the reference: the gradient checks sum losses
    return compute


globals().update({name: _refusing(name) for name in BROKEN})
