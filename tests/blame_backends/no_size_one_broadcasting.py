"""One root cause, eight entries: the comparisons, maximum and minimum refuse to broadcast a size-1
dimension against a larger one (Theano's variables are never broadcastable). Equal shapes work.
(pow is not among them: neither Keras 2 family documents a tensor exponent that broadcasts.)"""

import functools as _functools

import numpy as _np

import reference_backend as _reference
from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN = ("equal", "not_equal", "greater", "greater_equal", "less", "less_equal", "maximum", "minimum")


def _refusing(name):
    entry = getattr(_reference, name)

    @_dispatch.op
    def compute(x, y):
        shapes = [_np.shape(x), _np.shape(y)]
        for a, b in zip(reversed(shapes[0]), reversed(shapes[1])):
            if a != b:
                raise ValueError(f"Input dimension mis-match. ({shapes[0]} against {shapes[1]})")
        return _np.asarray(entry(x, y))

    return _functools.wraps(entry)(compute)


globals().update({name: _refusing(name) for name in BROKEN})
