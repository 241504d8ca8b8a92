"""Limits on what a check may cost the run: a deadline, and a process of its own.

* ``deadline``: a check that runs past ``seconds`` gets ``CheckTimeout``
  raised inside it (SIGALRM, so the main thread of a POSIX process; a hang
  inside C code that holds the GIL is only caught with ``run_in_child``).
* ``run_in_child``: the check runs in a forked child process; its reports come
  back through a pipe. When the child dies (``os._exit``, a segfault) or
  outlives the deadline, the parent writes the report itself, naming how the
  child ended and the backend entries it was calling.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

# How long the parent waits past the deadline before it kills a child that
# did not stop by itself (the child's own SIGALRM should have stopped it).
KILL_GRACE_SECONDS = 5.0


class CheckTimeout(BaseException):
    """A check ran past its deadline. A ``BaseException`` so that hypothesis
    neither retries nor shrinks the example: every retry would hang again."""


@contextlib.contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise ``CheckTimeout`` in the block once ``seconds`` have passed (no limit for 0/None,
    or where SIGALRM is not available)."""
    if not seconds or not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise CheckTimeout(f"the check did not finish within {seconds:g} s (--check-timeout): it hangs, or it is "
                           f"this slow here; a longer limit tells which")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_in_child(item: pytest.Item, nextitem: pytest.Item | None, seconds: float | None,
                 crash_outcome: Callable[[pytest.Item, str, list[str]], dict[str, Any]],
                 report_progress_to: Callable[[int], None]) -> None:
    """Run ``item``'s whole protocol in a forked child and log its reports here.

    In the child, ``report_progress_to(fd)`` makes the backend write the name
    of each entry it is called on to ``fd``; ``crash_outcome(item, how,
    entries_called)`` builds the conformance outcome for a child that died or hung.
    """
    from _pytest.runner import runtestprotocol  # the protocol a single item goes through

    config = item.config
    item.ihook.pytest_runtest_logstart(nodeid=item.nodeid, location=item.location)
    results_read, results_write = os.pipe()
    progress_read, progress_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run, send the reports, and leave without any cleanup of the parent's
        status = 1
        try:
            os.close(results_read)
            os.close(progress_read)
            report_progress_to(progress_write)
            reports = runtestprotocol(item, log=False, nextitem=nextitem)
            payload = pickle.dumps([config.hook.pytest_report_to_serializable(config=config, report=r)
                                    for r in reports])
            with os.fdopen(results_write, "wb") as pipe:
                pipe.write(payload)
            status = 0
        finally:
            os._exit(status)
    os.close(results_write)
    os.close(progress_write)
    payload, progress, how = _wait(pid, results_read, progress_read,
                                   None if not seconds else seconds + KILL_GRACE_SECONDS)
    if payload:
        reports = [config.hook.pytest_report_from_serializable(config=config, data=data)
                   for data in pickle.loads(payload)]
    else:
        entries = [line for line in progress.decode(errors="replace").splitlines() if line]
        report = pytest.TestReport(item.nodeid, item.location, {k: 1 for k in item.keywords}, "failed",
                                   f"the check's process {how}", "call",
                                   user_properties=[("conformance", crash_outcome(item, how, entries))])
        reports = [report]
    for report in reports:
        item.ihook.pytest_runtest_logreport(report=report)
    item.ihook.pytest_runtest_logfinish(nodeid=item.nodeid, location=item.location)


def _wait(pid: int, results: int, progress: int, limit: float | None) -> tuple[bytes, bytes, str]:
    """Read both pipes until the child ends (or is killed at ``limit``); returns
    the results, the progress and how the child ended."""
    chunks = {results: bytearray(), progress: bytearray()}
    open_fds = [results, progress]
    started = time.monotonic()
    how = ""
    while open_fds:
        remaining = None if limit is None else limit - (time.monotonic() - started)
        if limit is not None and remaining is not None and remaining <= 0:
            os.kill(pid, signal.SIGKILL)
            how = f"did not finish within {limit - KILL_GRACE_SECONDS:g} s and was killed"
            break
        ready, _, _ = select.select(open_fds, [], [], remaining)
        for fd in ready:
            data = os.read(fd, 1 << 16)
            if data:
                chunks[fd] += data
            else:
                open_fds.remove(fd)
    for fd in (results, progress):
        os.close(fd)
    _, status = os.waitpid(pid, 0)
    if not how:
        if os.WIFSIGNALED(status):
            how = f"was killed by {signal.Signals(os.WTERMSIG(status)).name}"
        elif os.WEXITSTATUS(status) != 0 or not chunks[results]:
            how = f"exited with status {os.WEXITSTATUS(status)}"
    return (bytes(chunks[results]) if not how else b""), bytes(chunks[progress]), how
