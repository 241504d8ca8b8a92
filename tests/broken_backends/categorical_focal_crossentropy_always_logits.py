"""Broken on purpose: categorical_focal_crossentropy always takes output for logits: probabilities go through a
softmax instead of being renormalised."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'categorical_focal_crossentropy'
EXPECTED_MESSAGE = 'categorical_focal_crossentropy('

_reference = categorical_focal_crossentropy


def categorical_focal_crossentropy(target, output, alpha=0.25, gamma=2.0, from_logits=False, axis=-1):
    return _reference(target, output, alpha=alpha, gamma=gamma, from_logits=True, axis=axis)
