"""Broken on purpose: is_variable answers True for every backend tensor."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import is_tensor as is_variable  # noqa: F401

BROKEN_ENTRY = 'is_variable'
EXPECTED_MESSAGE = 'is_variable(constant(x)): expected False'
