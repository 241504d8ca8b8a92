"""tanh kills the process: rnn's checks with a tanh cell die inside their cell's call of tanh."""

import os as _os
import signal as _signal

from reference_backend import *  # noqa: F401,F403


def tanh(x):
    _os.kill(_os.getpid(), _signal.SIGSEGV)
