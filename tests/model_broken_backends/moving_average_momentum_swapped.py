"""Broken on purpose: moving_average_update weighs the new value by momentum (swapped): the per-entry
suite's broken entry (tests/broken_backends), in the classic reference Keras 2.3.1 loads."""

from reference_backend.classic import *  # noqa: F401,F403
from tests.broken_backends.moving_average_update_momentum_swapped import moving_average_update  # noqa: F401

SCENARIO = "batch_normalization_adam"
CULPRIT = "moving_average_update"
