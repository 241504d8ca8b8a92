"""Limits on what a check may cost the run: a deadline, and a process that dies in its place.

* ``deadline``: a check that runs past ``seconds`` gets ``CheckTimeout``
  raised inside it (SIGALRM, in the main thread of a POSIX process).
* ``Supervisor``: the checks run in a *runner*, a child process forked from
  pytest's own; pytest's process sends it one check at a time and logs the
  reports it sends back. When the runner dies (a segfault, SIGFPE, ``os._exit``)
  or outlives the deadline by ``KILL_GRACE_SECONDS`` (a hang the alarm cannot
  stop: C code holding the GIL, a backend that swallows the alarm, installs
  its own handler or cancels the timer), the check it was running gets an
  outcome naming how the runner ended and the entry it was calling, and the
  next check starts a new runner. Forking is copy-on-write: a runner costs
  little. Between two checks, and between two examples once that proved
  safe, a runner clears the backend's session (``session_reset``: a TF1
  graph grows with every op built, and every evaluation slows with it); when
  a reset fails, the runner serves no further check. A runner serves at most ``CHECKS_PER_RUNNER`` checks, then the
  next starts from the state the backend had after import again. With
  ``--isolate`` every check gets a runner of its own.

Messages from the runner, one pipe, in order: ``call <entry>`` as the backend
is called (``RecordingBackend.report_progress_to``; ``call clear_session`` for
each reset, ``session_reset``), ``hung <entry>`` when a call ran out of time,
``done <n>`` (``done <n> last`` when the runner will serve no further check)
then ``n`` bytes: the check's reports.
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

# The longest deadline, for --check-timeout and a baseline's time_limit alike: one day; longer is no
# limit on a check but a typo (and overflows the timer).
MAX_DEADLINE = 86400.0
# How long the parent waits past the deadline before it kills a runner that
# did not stop by itself (the runner's own SIGALRM should have stopped it).
KILL_GRACE_SECONDS = 5.0
# Checks a runner serves before the next one starts afresh: what checks leave behind that no reset
# clears (a backend without clear_session) stays bounded, for a fork per 100 checks.
CHECKS_PER_RUNNER = 100


class CheckTimeout(BaseException):
    """A check ran past its deadline. A ``BaseException`` so that hypothesis
    neither retries nor shrinks the example: every retry would hang again.
    ``entry``: the backend entry whose call was running, once known."""

    entry = ""


def passes_through(error: BaseException) -> bool:
    """Whether ``error`` must go on as it is wherever the backend's code raised it or the suite
    caught it: ``KeyboardInterrupt`` (the user stops the run) and ``CheckTimeout`` (the suite's own
    deadline, raised in whatever code happens to run). Every other exception of backend code,
    ``SystemExit`` included, is contained and reported."""
    return isinstance(error, (KeyboardInterrupt, CheckTimeout))


@contextlib.contextmanager
def deadline(seconds: float | None, source: str = "--check-timeout") -> Iterator[None]:
    """Raise ``CheckTimeout`` in the block once ``seconds`` have passed (no limit for 0/None,
    or where SIGALRM is not available); ``source`` names where the limit came from."""
    if not seconds or not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise CheckTimeout(f"the check did not finish within {seconds:g} s ({source}): it hangs, or it is "
                           f"this slow here; a longer limit tells which")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


CrashOutcome = Callable[[pytest.Item, str, list[str]], dict[str, Any]]


class Supervisor:
    """Runs each check in a runner process and logs its reports in this one (see the module's docstring).

    ``time_limit(item)`` is the seconds a check may run (0: no limit);
    ``crash_outcome(item, how, entries_called)`` builds the conformance outcome of a check whose
    runner died or hung; ``report_progress_to(fd)`` makes the backend announce its calls on ``fd``
    (in the runner); ``hung(entry, check)`` notes, in this process, an entry that ran out of time
    in ``check``, so that the runners forked later know it; ``reset()``, if given, runs in the
    runner after each check that another follows (within the check's time limit) and answers
    whether the runner may serve another (``session_reset.SessionReset``).
    """

    def __init__(self, time_limit: Callable[[pytest.Item], float], crash_outcome: CrashOutcome,
                 report_progress_to: Callable[[int], None], hung: Callable[[str, str], None],
                 checks_per_runner: int = CHECKS_PER_RUNNER, reset: Callable[[], bool] | None = None):
        self.time_limit = time_limit
        self.crash_outcome = crash_outcome
        self.report_progress_to = report_progress_to
        self.hung = hung
        self.checks_per_runner = checks_per_runner
        self.reset = reset
        self.runner: _Runner | None = None

    def run(self, item: pytest.Item, nextitem: pytest.Item | None) -> None:
        """Run ``item``'s whole protocol (setup, call, teardown) in the runner and log its reports."""
        item.ihook.pytest_runtest_logstart(nodeid=item.nodeid, location=item.location)
        if self.runner is None:
            self.runner = _Runner.fork(item.session.items, self.report_progress_to, self.reset)
        runner = self.runner
        try:
            seconds = self.time_limit(item)
            limit = seconds + KILL_GRACE_SECONDS if seconds else None
            payload, entries, how = runner.run(item, nextitem, limit, lambda entry: self.hung(entry, item.name))
        except BaseException:  # an interrupt while waiting: the runner must not outlive the run
            self.close()
            raise
        if how.startswith("did not finish") and entries:
            self.hung(entries[-1], item.name)
        runner.served += 1
        if how or runner.last or runner.served >= self.checks_per_runner or nextitem is None:
            runner.stop()
            self.runner = None
        config = item.config
        if payload is not None:
            reports = [config.hook.pytest_report_from_serializable(config=config, data=data)
                       for data in pickle.loads(payload)]
        else:
            reports = [pytest.TestReport(item.nodeid, item.location, {k: 1 for k in item.keywords}, "failed",
                                         f"the check's process {how}", "call",
                                         user_properties=[("conformance", self.crash_outcome(item, how, entries))])]
        for report in reports:
            item.ihook.pytest_runtest_logreport(report=report)
        item.ihook.pytest_runtest_logfinish(nodeid=item.nodeid, location=item.location)

    def close(self) -> None:
        """Stop the runner, if one is left (an interrupted run)."""
        if self.runner is not None:
            self.runner.stop()
            self.runner = None


class _Runner:
    """A forked child process that runs the checks it is sent, by their index in the session."""

    def __init__(self, pid: int, commands: int, messages: int, items: list[pytest.Item]):
        self.pid, self.commands, self.messages = pid, commands, messages
        self.index = {id(item): i for i, item in enumerate(items)}
        self.buffer = bytearray()
        self.how = ""  # how the runner ended, once it has
        self.served = 0  # checks run
        self.last = False  # the runner said it serves no further check (its reset failed)

    @classmethod
    def fork(cls, items: list[pytest.Item], report_progress_to: Callable[[int], None],
             reset: Callable[[], bool] | None) -> _Runner:
        command_read, command_write = os.pipe()
        message_read, message_write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the runner: serve until told to stop, and leave without the parent's cleanup
            status = 1
            try:
                os.close(command_write)
                os.close(message_read)
                report_progress_to(message_write)
                _serve(items, command_read, message_write, reset)
                status = 0
            finally:
                os._exit(status)
        os.close(command_read)
        os.close(message_write)
        return cls(pid, command_write, message_read, items)

    def run(self, item: pytest.Item, nextitem: pytest.Item | None, limit: float | None,
            hung: Callable[[str], None]) -> tuple[bytes | None, list[str], str]:
        """Send ``item``; returns its serialised reports (None if the runner ended without them),
        the entries it called, and how the runner ended ("" if it did not)."""
        following = self.index[id(nextitem)] if nextitem is not None else -1
        entries: list[str] = []
        try:
            os.write(self.commands, f"{self.index[id(item)]} {following}\n".encode())
        except BrokenPipeError:
            return None, entries, self._ended()
        started = time.monotonic()
        while True:
            line = self._line(None if limit is None else started + limit)
            if line is None:
                return None, entries, self._ended(limit)
            kind, _, value = line.partition(" ")
            if kind == "call":
                entries.append(value)
            elif kind == "hung":
                hung(value)
            elif kind == "done":
                size, _, last = value.partition(" ")
                self.last = last == "last"
                payload = self._bytes(int(size), None if limit is None else started + limit)
                return (payload, entries, "") if payload is not None else (None, entries, self._ended(limit))

    def stop(self) -> None:
        """Ask the runner to leave; kill it if it does not within the grace period."""
        with contextlib.suppress(OSError):
            os.write(self.commands, b"exit\n")
        with contextlib.suppress(OSError):
            os.close(self.commands)
        if not self._wait(time.monotonic() + KILL_GRACE_SECONDS):
            self._kill()
        os.close(self.messages)

    def _kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        self.pid = 0

    def _line(self, until: float | None) -> str | None:
        while b"\n" not in self.buffer:
            if not self._fill(until):
                return None
        line, _, rest = bytes(self.buffer).partition(b"\n")
        self.buffer = bytearray(rest)
        return line.decode(errors="replace")

    def _bytes(self, count: int, until: float | None) -> bytes | None:
        while len(self.buffer) < count:
            if not self._fill(until):
                return None
        data, self.buffer = bytes(self.buffer[:count]), self.buffer[count:]
        return data

    def _fill(self, until: float | None) -> bool:
        """Read what the runner sent; False when it closed the pipe or ``until`` passed."""
        remaining = None if until is None else until - time.monotonic()
        if remaining is not None and remaining <= 0:
            return False
        ready, _, _ = select.select([self.messages], [], [], remaining)
        if not ready:
            return False
        data = os.read(self.messages, 1 << 16)
        self.buffer += data
        return bool(data)

    def _ended(self, limit: float | None = None) -> str:
        """How the runner ended: killed here past ``limit``, or dead by itself."""
        if not self._wait(time.monotonic() + 1.0):
            self._kill()
            return f"did not finish within {(limit or 0) - KILL_GRACE_SECONDS:g} s and was killed"
        return self.how

    def _wait(self, until: float) -> bool:
        """Reap the runner if it ends before ``until``; True when it has ended."""
        if self.pid == 0:
            return True
        while True:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.pid = 0
                self.how = (f"was killed by {signal.Signals(os.WTERMSIG(status)).name}" if os.WIFSIGNALED(status)
                            else f"exited with status {os.WEXITSTATUS(status)}")
                return True
            if time.monotonic() >= until:
                return False
            time.sleep(0.01)


def _serve(items: list[pytest.Item], commands: int, messages: int, reset: Callable[[], bool] | None) -> None:
    """The runner's loop: run each check it is sent, reset when another follows, send its reports,
    until ``exit``."""
    from _pytest.runner import runtestprotocol  # the protocol a single item goes through

    with os.fdopen(commands, "rb") as incoming:
        for line in incoming:
            if line.strip() == b"exit":
                return
            index, following = (int(word) for word in line.split())
            item = items[index]
            reports = runtestprotocol(item, log=False, nextitem=items[following] if following >= 0 else None)
            config = item.config
            payload = pickle.dumps([config.hook.pytest_report_to_serializable(config=config, report=r)
                                    for r in reports])
            last = ""
            if reset is not None and following >= 0:
                last = "" if reset() else " last"
            os.write(messages, f"done {len(payload)}{last}\n".encode())
            _write_all(messages, payload)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
