"""Broken on purpose: relu lacks its alpha parameter (a backend written from Keras 2's docs of another
version): its signature fails, and every check passing alpha= raises TypeError. One root cause: the
report shows it as one block, a mismatch, whichever of those checks a run selects (tests/test_root_causes.py)."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import nn as _nn

BROKEN_ENTRY = 'relu'
EXPECTED_MESSAGE = "parameter 2 should be 'alpha'"


def relu(x, max_value=None, threshold=0.0):
    return _nn.relu(x, 0.0, max_value, threshold)
