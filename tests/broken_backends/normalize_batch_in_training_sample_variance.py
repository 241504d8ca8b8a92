"""Broken on purpose: normalize_batch_in_training returns the sample (n - 1) variance on every path, not only the
fused one."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import dispatch as _dispatch

BROKEN_ENTRY = 'normalize_batch_in_training'
EXPECTED_MESSAGE = 'normalize_batch_in_training('

_reference = normalize_batch_in_training


@_dispatch.op
def _sample(var, x, reduction_axes):
    n = x.size // max(var.size, 1)
    return var if x.ndim == 4 and list(reduction_axes) == [0, 1, 2] else (var * n / max(n - 1, 1)).astype(var.dtype)


def normalize_batch_in_training(x, gamma, beta, reduction_axes, epsilon=0.001):
    normed, mean, var = _reference(x, gamma, beta, reduction_axes, epsilon)
    return normed, mean, _sample(var, x, reduction_axes)
