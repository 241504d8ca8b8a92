"""Misbehaving on purpose: cast to float16 never returns."""

import time as _time

from reference_backend import *  # noqa: F401,F403
from reference_backend import cast as _cast

BROKEN_ENTRY = 'cast'
EXPECTED_MESSAGE = "K.cast(t1, 'float16'): the check did not finish within 5 s"
OPTIONS = ['--check-timeout=5']


def cast(x, dtype):
    while dtype == 'float16':
        _time.sleep(0.05)
    return _cast(x, dtype)
