"""A runner clears the backend's session between two checks and, with ``--clear-between-examples``, between
two examples of a check once the reset has proven itself: no check (no example) pays for what earlier ones built.

Why: a backend in TF1 graph mode (tf_keras with eager execution disabled, as classic Keras 2.3 ran on
TensorFlow) adds every op a check builds to one default graph, and every ``Session.run`` of a new op
extends the session by the ops added since and prunes the whole graph: the cost of an evaluation grows
with everything built before it, and a run with it quadratically (100 ``conv2d_transpose`` evaluations
cost 7 s of CPU on an empty graph, 38 s on one with 3,400 ops). Within one check, 25 examples of the
catalogue's checks build hundreds of ops on both routes: clearing between examples too took tf_keras'
graph-mode float32 run from 156 s to 138 s serially, with the same verdicts. It is an option, not the
default, because where the graph does not grow clearing only costs: tf_keras' ``clear_session`` in eager
mode drops TensorFlow's kernel caches, 2.6 ms per example, and its eager float32 run took 108 s with it
against 88 s without.

Why ``clear_session``: dropping "clutter from old models / layers" is what the Keras 2 contract has it
for (tf_keras' docstring: "If you are creating many models in a loop, this global state will consume
an increasing amount of memory over time, and you may want to clear it"), and Keras 2.3.1's own test
suite calls it after every test (``tests/conftest.py``, ``clear_session_after_test``). No check judges
state an earlier check left, nor an example state an earlier example left: checks run in any order, in
any xdist worker, a runner already starts from the state right after import every ``CHECKS_PER_RUNNER``
checks, and a failing example is reproduced alone, from a new interpreter. What ``clear_session``
resets (the uids, the learning phase, the graph, the random seed state) is the state after import or
one any Keras program reaches; the configuration it must keep is verified.

Why it cannot spread a broken ``clear_session``: every reset must return and keep ``floatx``,
``epsilon`` and ``image_data_format``; the first of a runner must also leave a backend that still
evaluates a new variable to its value. That proof (a variable and an ``eval``: three session runs in
TF1 graph mode, 7 ms, which after every one of 1,568 checks cost 8 s of a 164 s run) is asked once
per runner because ``clear_session`` is the same code each time. Until it is given, nothing is reset
between examples: the first check of a runner runs as before. A reset that fails ends the resets of
its runner: the runner serves no further check, and the next one starts in a new runner, forked from
the state right after import, as if no reset existed (``clear_session``'s own checks judge it). A
backend without ``clear_session`` is not reset; its runners serve ``CHECKS_PER_RUNNER`` checks as before.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import numpy as np

from .watchdog import passes_through

# The configuration ``clear_session`` must keep (tf_keras and Keras 2.3.1 keep it in module globals
# that it does not touch; ``test_clear_session_keeps_the_configuration`` judges the same three).
KEPT = ("floatx", "epsilon", "image_data_format")
CANARY = (1.5, -2.0)  # a new variable's value, exact in every floatx


class SessionReset:
    """Clears ``module``'s session between two checks and between two examples (see the module's
    docstring); ``announce`` tells the process watching the runner that ``clear_session`` runs, so that a
    crash or a hang in it is ``clear_session``'s."""

    def __init__(self, module: ModuleType, announce: Callable[[str], None] = lambda line: None):
        self.module = module
        self.announce = announce
        self.proven = False  # a reset in this process returned, kept the configuration and left a working backend
        self.failed = False  # a reset in this process did not: none follows here

    @property
    def available(self) -> bool:
        """Whether the backend has a ``clear_session`` to reset with."""
        return callable(getattr(self.module, "clear_session", None))

    def __call__(self) -> bool:
        """Clear the session after a check; True when the next check may run in this process (the reset
        returned, kept the configuration and, the first time, left a backend that evaluates a variable),
        False when it may not."""
        return self._reset(prove=not self.proven)

    def between_examples(self) -> None:
        """Clear the session before an example, once a reset has proven itself in this process and
        none has failed. A reset that fails here ends the resets of the runner, which then serves no
        further check; the example runs on (what it finds is its check's to judge)."""
        if self.proven and not self.failed:
            self._reset(prove=False)

    def _reset(self, prove: bool) -> bool:
        if self.failed:
            return False
        self.announce("call clear_session")
        try:
            before = self._configuration()
            self.module.clear_session()
            kept = self._configuration() == before and (not prove or self._evaluates())
        except BaseException as error:  # noqa: B036 - any failure only means: no further reset here
            if passes_through(error):
                raise
            kept = False
        self.proven = self.proven or kept
        self.failed = not kept
        return kept

    def _configuration(self) -> tuple[object, ...]:
        return tuple(getattr(self.module, name)() for name in KEPT)

    def _evaluates(self) -> bool:
        value = np.array(CANARY, dtype=self.module.floatx())
        found = np.asarray(self.module.eval(self.module.variable(value)))
        return found.shape == value.shape and bool(np.all(found == value))
