"""Broken on purpose: control_dependencies' block swallows the exceptions raised in it."""

import contextlib

from reference_backend import *  # noqa: F401,F403

BROKEN_ENTRY = 'control_dependencies'
EXPECTED_MESSAGE = 'nothing was raised'


@contextlib.contextmanager
def control_dependencies(control_inputs):
    try:
        yield
    except Exception:
        pass
