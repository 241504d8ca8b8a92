"""Broken on purpose: print_tensor prints when it is called and answers x itself, so a
symbolic tensor prints once while the graph is built and never when a function computes it."""

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'print_tensor'
EXPECTED_MESSAGE = 'found it nowhere'


def print_tensor(x, message='', summarize=3):
    print(message, x)
    return x
