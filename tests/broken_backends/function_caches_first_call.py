"""Broken on purpose: the callable that function returns answers its first result forever."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import function as _function

BROKEN_ENTRY = 'function'
EXPECTED_MESSAGE = 'function([p], [p * 2])([x of length 4])'


def function(inputs, outputs, updates=None, name=None, **kwargs):
    compute, cache = _function(inputs, outputs, updates=updates, name=name, **kwargs), []

    def call(values):
        if not cache:
            cache.append(compute(values))
        return cache[0]

    return call
