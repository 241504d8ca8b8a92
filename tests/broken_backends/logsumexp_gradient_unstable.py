"""Broken on purpose: logsumexp's value is stable, its gradient is not: ``exp(x) / sum(exp(x))`` in x's dtype,
NaN where exp(x) overflows (as Keras 2.3.1 + Theano: only the forward is rewritten stably)."""

import numpy as np

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch
from reference_backend import reductions as _reductions

BROKEN_ENTRY = 'logsumexp'
EXPECTED_MESSAGE = 'gradients(sum(logsumexp('


@_dispatch.op
def logsumexp(x, axis=None, keepdims=False):
    return _reductions.logsumexp.__wrapped__(x, axis, keepdims)


@logsumexp.gradient("x")
def _logsumexp_gradient(cotangent, result, x, axis, keepdims):
    with np.errstate(all="ignore"):
        exp = np.exp(x)
        softmax = exp / np.sum(exp, axis=_reductions._axes(axis), keepdims=True)
    return {"x": _reductions._spread(cotangent, x, axis, keepdims) * softmax}
