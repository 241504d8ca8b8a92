"""What may end a check besides a pass or a failure, and whose code it was when the backend's.

A check passes, fails, or ends in one of the suite's own skips: ``NotJudged`` (raised through
``not_judged`` only) and its kind ``recording.EntryMissing``. Test runners give other exceptions
meanings of their own: pytest's ``skip``, ``xfail``, ``fail`` and ``exit``, unittest's ``SkipTest``
(which pytest takes for a skip) and hypothesis' ``reject()``/``assume(False)`` (which drops the
example). Raised by the backend's code, in a call of an entry or by an object an entry answered
(its ``__len__``, ``__bool__``, ``__array__``, ``__eq__``, ...), any of them would turn a gap into a
skip, a pass, or the end of the run. So would a ``SystemExit`` that no one contains. Such an
exception becomes ``BackendMisbehaved``: an error of the entry whose code raised it.

* ``runner_control``: what an exception means to a test runner, if anything;
* ``drawn``: whether a hypothesis rejection came from drawing the suite's own inputs;
* ``misbehaviour``: the ``BackendMisbehaved`` for such an exception, blamed on the entry whose
  answer (or exception) it came from (``culprit``);
* ``screened``: what the plugin lets escape a check in place of an exception.

What always goes on as it is: ``watchdog.passes_through``.
"""

from __future__ import annotations

import unittest
from collections.abc import Iterator, Sequence
from types import FrameType, TracebackType
from typing import TYPE_CHECKING, Any, NoReturn

from _pytest.outcomes import Exit, OutcomeException, Skipped
from hypothesis.errors import UnsatisfiedAssumption

from .calls import items_of
from .untrusted_text import exception_text
from .watchdog import passes_through

if TYPE_CHECKING:
    from .recording import RecordedCall


class NotJudged(Skipped):
    """A check has nothing to judge (an optional entry that is absent, a signature that cannot
    be read, ...): the only skip a check may end in."""


def not_judged(reason: str) -> NoReturn:
    """End the check in progress as a skip, saying why it judges nothing. The suite skips through
    this function only: any other skip escaping a check is the backend's (see the module docstring)."""
    __tracebackhide__ = True
    raise NotJudged(reason)


class BackendMisbehaved(Exception):
    """The backend's code broke a rule every entry must keep (it modified a caller's numpy array,
    raised one of a test runner's own exceptions, changed state the whole process shares, ...).
    ``entry``: the entry whose code it was, when known; classified as that entry's error."""

    __notes__: list[str]  # hypothesis' falsifying example, carried over from the exception it stands for

    def __init__(self, message: str, entry: str = ""):
        super().__init__(message)
        self.entry = entry


_RUNNER_CONTROL: tuple[tuple[type[BaseException], str], ...] = (
    (OutcomeException, "pytest's"),  # skip, xfail, fail
    (Exit, "pytest's"),
    (unittest.SkipTest, "unittest's"),
    (UnsatisfiedAssumption, "hypothesis'"),
)


def runner_control(error: BaseException) -> str:
    """What ``error`` is to a test runner ("pytest's Skipped", "hypothesis' UnsatisfiedAssumption",
    ...); "" for an ordinary exception and for the suite's own ``NotJudged``."""
    if isinstance(error, NotJudged):
        return ""
    return next((f"{runner} {type(error).__name__}" for kind, runner in _RUNNER_CONTROL if isinstance(error, kind)), "")


def drawn(rejection: UnsatisfiedAssumption) -> bool:
    """Whether hypothesis' own code raised ``rejection`` while drawing inputs (a filter that gave up):
    hypothesis' business. A rejection that reached ``reject()``/``assume()`` from other code was the
    backend's: the suite's checks never call them."""
    return any(module.startswith("hypothesis.") and module != "hypothesis.control"
               for module in (frame.f_globals.get("__name__", "") for frame in _frames(rejection.__traceback__)))


def misbehaviour(error: BaseException, calls: Sequence[RecordedCall], during: str = "") -> BackendMisbehaved:
    """``error`` (a test runner's exception, or one that is no ``Exception``) as the backend's
    misbehaviour: blamed on the entry that answered (or raised) the object whose method raised it,
    if one of ``calls`` did, else on ``during`` (the entry whose call was running), else on no entry."""
    what = runner_control(error) or type(error).__name__
    found = culprit(error, calls)
    if found is not None:
        entry, how, owner, method = found
        message = f"{entry} {how} a {type(owner).__name__} whose {method} raised {what}: {exception_text(error)}"
    elif during:
        entry, message = during, f"{during} raised {what}: {exception_text(error)}"
    else:
        entry, message = "", f"{what} escaped the check outside any call of an entry: {exception_text(error)}"
    misbehaved = BackendMisbehaved(message, entry)
    misbehaved.__notes__ = list(getattr(error, "__notes__", ()))
    return misbehaved


def culprit(error: BaseException, calls: Sequence[RecordedCall]) -> tuple[str, str, Any, str] | None:
    """``(entry, how, owner, method)`` when ``error`` was raised in a method of an object that a call
    of ``entry`` answered (or an item of a list or tuple it answered: ``how`` is "answered"), or of
    the exception it raised (``how``: "raised"; its ``__str__`` printed by whoever reports it),
    innermost such frame first."""
    known = {id(answer): (call.entry, "answered", answer) for call in calls for answer in _answers(call.result)}
    known.update({id(call.error): (call.entry, "raised", call.error) for call in calls if call.error is not None})
    for frame in reversed(list(_frames(error.__traceback__))):
        owner = frame.f_locals.get("self")
        if owner is not None and id(owner) in known:  # both alive: the same id is the same object
            entry, how, found = known[id(owner)]
            return entry, how, found, frame.f_code.co_name
    return None


def screened(error: BaseException, calls: Sequence[RecordedCall]) -> BaseException:
    """What may escape a check in place of ``error``: ``error`` itself when it is an ordinary
    exception, one a recorded call raised (already judged there), one of the suite's skips, or one
    that ``passes_through``; otherwise (a test runner's exception, a ``SystemExit`` or another
    ``BaseException`` raised outside any call) its ``misbehaviour``."""
    if passes_through(error) or any(call.error is error for call in calls):
        return error
    if runner_control(error) or not isinstance(error, (Exception, NotJudged)):
        return misbehaviour(error, calls)
    return error


def _frames(traceback: TracebackType | None) -> Iterator[FrameType]:
    while traceback is not None:
        yield traceback.tb_frame
        traceback = traceback.tb_next


def _answers(result: Any) -> Iterator[Any]:
    """``result`` and, for a list or tuple, its items at any depth (rnn's states, an update pair)."""
    if result is None:
        return
    yield result
    if isinstance(result, (list, tuple)):
        for item in items_of(result):
            yield from _answers(item)
