"""Broken on purpose: binary_focal_crossentropy ignores apply_class_balancing."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'binary_focal_crossentropy'
EXPECTED_MESSAGE = 'binary_focal_crossentropy('

_reference = binary_focal_crossentropy


def binary_focal_crossentropy(target, output, apply_class_balancing=False, alpha=0.25, gamma=2.0, from_logits=False):
    return _reference(target, output, gamma=gamma, from_logits=from_logits)
