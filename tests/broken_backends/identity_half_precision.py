"""Broken on purpose: identity rounds the values through float16."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import cast as _cast

BROKEN_ENTRY = 'identity'
EXPECTED_MESSAGE = 'identity(x) by the'


def identity(x, name=None):
    return _cast(_cast(x, 'float16'), 'float32')
