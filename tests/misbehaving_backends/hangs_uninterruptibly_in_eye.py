"""Misbehaving on purpose: eye(3) blocks SIGALRM and spins, so no in-process deadline can stop it."""

import signal as _signal

from reference_backend import *  # noqa: F401,F403
from reference_backend import eye as _eye

BROKEN_ENTRY = 'eye'
EXPECTED_MESSAGE = "the check's process did not finish within 3 s and was killed during a call of eye"
OPTIONS = ['--check-timeout=3']


def eye(size, dtype=None, name=None):
    if size == 3 and dtype is None:
        _signal.pthread_sigmask(_signal.SIG_BLOCK, {_signal.SIGALRM})
        while True:
            pass
    return _eye(size, dtype=dtype, name=name)
