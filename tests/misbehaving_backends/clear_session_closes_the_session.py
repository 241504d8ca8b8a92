"""Misbehaving on purpose: clear_session closes the session and opens no new one (nor resets the
uids): every later eval raises. The suite's reset between checks must not carry that to the entries
checked after it (``conformance.session_reset``)."""

from reference_backend import *  # noqa: F401,F403
from reference_backend import eval as _eval

BROKEN_ENTRY = 'clear_session'
EXPECTED_MESSAGE = 'after clear_session()'
OPTIONS = []
_closed = False


def clear_session():
    global _closed
    _closed = True


def eval(x):
    if _closed:
        raise RuntimeError("Attempted to use a closed Session.")
    return _eval(x)
