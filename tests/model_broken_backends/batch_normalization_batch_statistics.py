"""Broken on purpose: batch_normalization ignores the statistics it is given and normalises
with the batch's own: training (``normalize_batch_in_training``) is right, inference wrong."""


from reference_backend import dispatch as _dispatch
from reference_backend import nn as _nn
from reference_backend.classic import *  # noqa: F401,F403

SCENARIO = "batch_normalization_adam"
CULPRIT = "batch_normalization"


@_dispatch.op
def batch_normalization(x, mean, var, beta, gamma, axis=-1, epsilon=0.001):
    axes = tuple(i for i in range(x.ndim) if i != axis % x.ndim)
    return _nn.batch_normalization.__wrapped__(x, x.mean(axis=axes), x.var(axis=axes), beta, gamma, axis, epsilon)


batch_normalization.gradient("x", "mean", "var", "beta", "gamma")(_nn._batch_normalization_gradient)
