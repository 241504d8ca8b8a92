"""From a check's pytest result to a ``CheckOutcome``.

* passed: the check passed;
* missing: it needed an entry the backend lacks (``EntryMissing``);
* skipped: it judged nothing (``escapes.NotJudged``: an optional entry that is absent, ...);
* error: an exception raised inside a backend call escaped the check, or the backend's code
  misbehaved (``escapes.BackendMisbehaved``: blamed on the entry whose code it was, when known);
* mismatch: the check judged the backend's answer wrong (``Mismatch`` or an
  assertion of the check itself), or the answer was unusable;
* unsupported: the entry lacks a parameter the check needs (``Unsupported``).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from .check import Check
from .compare import Unsupported
from .escapes import BackendMisbehaved
from .markers import judged_entry
from .outcomes import EVALUATORS, PRESENCE_CHECK, Aspect, CheckOutcome, OutcomeKind
from .recording import EntryHung, EntryMissing
from .reproduction import failing_call, reproduction
from .traits import summary, traits
from .untrusted_text import capped, exception_text
from .watchdog import CheckTimeout

# Memory addresses vary between runs, and so do the numbers backends give the
# objects they name by creation order ('input_13'), which depend on which
# checks ran before in the same process (xdist spreads them); reports must not.
_ADDRESS = re.compile(r"0x[0-9a-fA-F]{6,}")
_NUMBERED_NAME = re.compile(r"""(['"][A-Za-z][\w./]*?)_\d+(['":])""")


def classify(item: pytest.Item, call: pytest.CallInfo[None], report: pytest.TestReport, check: Check,
             module_name: str, setup: str = "") -> CheckOutcome:
    """The outcome of one phase (setup, call or teardown) of a check, from its
    pytest report and the ``check``'s record of what it called. Its message and
    example quote the backend (an exception, an answer): they are capped, lone
    surrogates escaped (``untrusted_text.capped``), as every report carries them. Its reproduction
    imports ``module_name`` as ``K``, after the ``--backend-setup`` step ``setup``, if any."""
    outcome = _classified(item, call, report, check, module_name, setup)
    outcome.message, outcome.example = capped(outcome.message), capped(outcome.example)
    return outcome


def _classified(item: pytest.Item, call: pytest.CallInfo[None], report: pytest.TestReport, check: Check,
                module_name: str, setup: str) -> CheckOutcome:
    entry, aspect = judged_entry(item)
    outcome = CheckOutcome(nodeid=item.nodeid, entry=entry, aspect=aspect,
                           check=PRESENCE_CHECK if aspect is Aspect.PRESENCE else item.name,
                           kind=OutcomeKind.PASSED, examples=check.examples if call.when == "call" else 0,
                           follows=dict(check.follows) if call.when == "call" else {})
    # The check's examples with their traits; a check without hypothesis is one example.
    examples = check.example_traits or [(traits(check.log), bool(report.passed))]
    outcome.failing_traits, outcome.passes_without = summary(examples)
    if report.passed:
        # For a passing check: every entry it relied on, over all its examples.
        outcome.involved = tuple(name for name in check.entries_called if name != entry)
        return outcome
    excinfo = call.excinfo
    error = excinfo.value if excinfo is not None else None
    if isinstance(error, EntryMissing):
        outcome.kind, outcome.missing_entry = OutcomeKind.MISSING, error.entry
        outcome.message = str(error.msg)
        return outcome
    if report.skipped:
        outcome.kind = OutcomeKind.SKIPPED
        longrepr = report.longrepr
        outcome.message = _clean(str(longrepr[2]) if isinstance(longrepr, tuple) else str(longrepr))
        return outcome
    log = check.log
    outcome.involved = tuple(name for name in log.entries() if name != entry)
    outcome.reproduction = _clean(reproduction(log, module_name, setup)) if log.calls else ""
    notes = [n for n in getattr(error, "__notes__", [])
             if any(mark in n for mark in ("Falsifying example", "reproduce_failure", "seed"))]
    outcome.example = _clean("\n".join(notes))
    # The outermost call the error escaped from (a step function's call inside rnn is rnn's), unless the
    # backend's misbehaviour names the entry whose code it was (an object it answered, ...).
    raised_by = next((c.entry for c in log.calls if c.error is not None and c.error is error), None)
    if isinstance(error, BackendMisbehaved) and error.entry:
        raised_by = error.entry
    # A check that met an evaluator no longer called judged nothing of its entry, whatever it made of
    # the EntryHung (a check of function expecting a ValueError saw this one): see verdict._assign_blame.
    stalled = next((c.error for c in log.calls if isinstance(c.error, EntryHung) and c.error.entry in EVALUATORS),
                   None)
    if stalled is not None:
        raised_by, outcome.hung_in = stalled.entry, stalled.check
    outcome.raised_by = raised_by or ""
    if isinstance(error, CheckTimeout):
        outcome.kind = OutcomeKind.ERROR
        outcome.message = f"{failing_call(log) or 'the check'}: {exception_text(error)}"
    elif isinstance(error, BackendMisbehaved):
        outcome.kind = OutcomeKind.ERROR
        failing = failing_call(log, error)
        outcome.message = _clean(f"{failing}: {exception_text(error)}" if failing else exception_text(error))
    elif raised_by is not None and error is not None:
        outcome.kind = OutcomeKind.ERROR
        failing = failing_call(log) or f"K.{raised_by}(...)"
        outcome.message = _clean(f"{failing} raised {type(error).__name__}: {exception_text(error)}")
    elif isinstance(error, Unsupported):
        outcome.kind = OutcomeKind.UNSUPPORTED
        outcome.message = _clean(exception_text(error))
    elif isinstance(error, AssertionError) or error is None:
        outcome.kind = OutcomeKind.MISMATCH
        outcome.message = _clean(exception_text(error) if error is not None else str(report.longrepr))
    else:
        outcome.kind = OutcomeKind.MISMATCH
        outcome.message = _clean(f"the check could not use the backend's answer: "
                                 f"{type(error).__name__}: {exception_text(error)}")
    if call.when != "call":
        outcome.message = f"during {call.when}: {outcome.message}"
    return outcome


def crash_outcome(item: pytest.Item, how: str, entries_called: list[str]) -> dict[str, Any]:
    """The outcome of a check whose process died or hung (see ``watchdog.run_in_child``)."""
    entry, aspect = judged_entry(item)
    where = f" during a call of {entries_called[-1]}" if entries_called else ""
    return CheckOutcome(nodeid=item.nodeid, entry=entry, aspect=aspect,
                        check=PRESENCE_CHECK if aspect is Aspect.PRESENCE else item.name,
                        kind=OutcomeKind.ERROR, message=f"the check's process {how}{where}",
                        raised_by=entries_called[-1] if entries_called else "",
                        involved=tuple(dict.fromkeys(e for e in entries_called if e != entry))).to_dict()


def _clean(text: str) -> str:
    return _NUMBERED_NAME.sub(r"\1_…\2", _ADDRESS.sub("0x…", text)).strip()
