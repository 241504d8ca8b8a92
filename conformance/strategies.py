"""Hypothesis plumbing for the checks: ``given`` (input strategies: ``conformance.inputs``).

``given`` is hypothesis' ``given`` plus per-example isolation: each example
starts a fresh call log (so a failure reproduces the minimal example only)
and leaves the backend's configuration as it found it.
"""

from __future__ import annotations

import functools
from typing import Any, Callable

import hypothesis

from .compare import Mismatch
from .config_guard import isolated
from .recording import start_log


_examples = 0  # hypothesis examples run by the current check


def restart_example_count() -> None:
    """Start counting the examples of a new check."""
    global _examples
    _examples = 0


def example_count() -> int:
    """How many hypothesis examples the current check has run."""
    return _examples


def given(*args: Any, **kwargs: Any) -> Callable:
    """``hypothesis.given`` with a fresh call log and config isolation per example."""

    def decorate(check: Callable) -> Callable:
        @functools.wraps(check)
        def each_example(*a: Any, **k: Any) -> Any:
            global _examples
            _examples += 1
            start_log()
            with isolated() as problems:
                result = check(*a, **k)
            if problems:
                raise Mismatch("the example changed the configuration and it could not be restored: "
                               + "; ".join(problems))
            return result

        return hypothesis.given(*args, **kwargs)(each_example)

    return decorate
