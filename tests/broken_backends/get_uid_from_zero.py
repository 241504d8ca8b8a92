"""Broken on purpose: get_uid counts from 0."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import session as _session

BROKEN_ENTRY = 'get_uid'
EXPECTED_MESSAGE = 'expected [1, 2, 3], got [0, 1, 2]'


def get_uid(prefix=''):
    return _session.get_uid(prefix) - 1
