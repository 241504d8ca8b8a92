"""Broken on purpose: get_uid() without a prefix counts apart from get_uid('')."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import session as _session

BROKEN_ENTRY = 'get_uid'
EXPECTED_MESSAGE = "get_uid('') right after get_uid()"


def get_uid(prefix=None):
    return _session.get_uid('<default>' if prefix is None else prefix)
