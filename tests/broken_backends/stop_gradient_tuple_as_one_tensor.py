"""Broken on purpose: stop_gradient treats only a list as several tensors; a tuple is
converted into one tensor (which fails for tensors of different shapes)."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import graph_ops as _graph_ops

BROKEN_ENTRY = 'stop_gradient'
EXPECTED_MESSAGE = 'stop_gradient(tuple of 3 tensors)'


def stop_gradient(variables):
    if isinstance(variables, list):
        return [_graph_ops.stop_gradient(v) for v in variables]
    return _graph_ops._stopped(variables)
