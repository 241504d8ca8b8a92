"""Broken on purpose: sparse_categorical_crossentropy ignores axis: the classes are always on the last axis."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'sparse_categorical_crossentropy'
EXPECTED_MESSAGE = 'sparse_categorical_crossentropy('

_reference = sparse_categorical_crossentropy


def sparse_categorical_crossentropy(target, output, from_logits=False, axis=-1, ignore_class=None):
    return _reference(target, output, from_logits=from_logits, ignore_class=ignore_class)
