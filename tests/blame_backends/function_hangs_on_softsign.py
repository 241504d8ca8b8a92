"""function never finishes a graph holding softsign's result (as Theano compiling one entry's gradient
graph ran for minutes): function is then not called again in that process, and the checks after it
that needed function were judged on nothing."""

import time as _time

from reference_backend import *  # noqa: F401,F403
from reference_backend import function as _function
from reference_backend import softsign as _softsign

_FROM_SOFTSIGN: set[int] = set()


def softsign(x):
    result = _softsign(x)
    _FROM_SOFTSIGN.add(id(result))
    return result


def function(inputs, outputs, updates=None, **kwargs):
    if _FROM_SOFTSIGN.intersection(map(id, outputs)):  # (any is the backend's own here)
        _time.sleep(3600)
    return _function(inputs, outputs, updates=updates, **kwargs)
