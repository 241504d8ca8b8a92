"""Broken on purpose: in_train_phase treats training=None as the inference phase instead of
reading learning_phase()."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import conditionals as _conditionals

BROKEN_ENTRY = 'in_train_phase'
EXPECTED_MESSAGE = 'after set_learning_phase(1)'


def in_train_phase(x, alt, training=None):
    return _conditionals.in_train_phase(x, alt, training=0 if training is None else training)
