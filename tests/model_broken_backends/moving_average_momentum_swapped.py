"""Broken on purpose: moving_average_update weighs the new value by momentum (swapped): the per-entry
suite's broken entry (tests/broken_backends), in the classic reference Keras 2.3.1 loads."""

from broken_backends import moving_average_update_momentum_swapped as _broken

from reference_backend.classic import *  # noqa: F401,F403

SCENARIO = "batch_normalization_adam"
CULPRIT = "moving_average_update"
moving_average_update = _broken.moving_average_update  # after the star import, which brings the reference's
