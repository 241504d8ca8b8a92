"""Broken on purpose: batch_dot's default axes are always (x.ndim - 1, y.ndim - 2), as Keras 2.2 had
them, so a y of rank 2 is contracted over its batch axis instead of its axis 1."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import linalg as _linalg

BROKEN_ENTRY = 'batch_dot'
EXPECTED_MESSAGE = 'raised ValueError: Cannot perform batch_dot over axis 0'


def batch_dot(x, y, axes=None):
    if axes is None:
        axes = (len(x.shape) - 1, len(y.shape) - 2)
    return _linalg.batch_dot(x, y, axes)
