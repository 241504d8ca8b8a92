"""function never finishes a graph holding softplus' or softsign's result (as Theano compiling one
entry's gradient graph ran for minutes). One such graph is the gap of the entry that built it;
function, once it has hung on both, is not called again in that process."""

import time as _time

from reference_backend import *  # noqa: F401,F403
from reference_backend import function as _function
from reference_backend import softplus as _softplus
from reference_backend import softsign as _softsign

# Held, not only their ids: a freed result's id can be reused by another entry's (a tanh result that
# then hung in function, seen in a run under load).
_NEVER_FINISHED: dict[int, object] = {}


def softplus(x):
    result = _softplus(x)
    _NEVER_FINISHED[id(result)] = result
    return result


def softsign(x):
    result = _softsign(x)
    _NEVER_FINISHED[id(result)] = result
    return result


def function(inputs, outputs, updates=None, **kwargs):
    if not _NEVER_FINISHED.keys().isdisjoint(map(id, outputs)):  # (any is the backend's own here)
        _time.sleep(3600)
    return _function(inputs, outputs, updates=updates, **kwargs)
