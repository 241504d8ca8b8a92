"""Broken on purpose: gradients answers the negated gradient (a descent direction)."""

from reference_backend import *  # noqa: F401,F403
from reference_backend.gradients import gradients as _gradients

BROKEN_ENTRY = 'gradients'
EXPECTED_MESSAGE = 'the gradient in the variable w'


def gradients(loss, variables):
    return [None if g is None else -g for g in _gradients(loss, variables)]
