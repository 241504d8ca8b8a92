"""Starts a non-daemon thread at import that never ends (a backend's worker pool, say): the run must
still end once its report is written."""

import threading as _threading
import time as _time

from reference_backend import *  # noqa: F401,F403


def _forever() -> None:
    while True:
        _time.sleep(1)


_threading.Thread(target=_forever, name="backend-pool", daemon=False).start()
