"""Between two checks a runner clears the backend's session: no check pays for what earlier ones built.

Why: a backend in TF1 graph mode (tf_keras with eager execution disabled, as classic Keras 2.3 ran on
TensorFlow) adds every op a check builds to one default graph, and every ``Session.run`` of a new op
extends the session by the ops added since and prunes the whole graph: the cost of an evaluation grows
with everything built before it, and a run with it quadratically (100 ``conv2d_transpose`` evaluations
cost 7 s of CPU on an empty graph, 38 s on one with 3,400 ops).

Why ``clear_session``: dropping "clutter from old models / layers" is what the Keras 2 contract has it
for (tf_keras' docstring: "If you are creating many models in a loop, this global state will consume
an increasing amount of memory over time, and you may want to clear it"), and Keras 2.3.1's own test
suite calls it after every test (``tests/conftest.py``, ``clear_session_after_test``). No check judges
state an earlier check left: checks run in any order, in any xdist worker, and a runner already starts
from the state right after import every ``CHECKS_PER_RUNNER`` checks. What ``clear_session`` resets
(the uids, the learning phase, the graph, the random seed state) is the state after import or one any
Keras program reaches; the configuration it must keep is verified.

Why it cannot spread a broken ``clear_session``: the reset is trusted only when, each time, it returns,
keeps ``floatx``, ``epsilon`` and ``image_data_format``, and leaves a backend that still evaluates a
new variable to its value. Otherwise the runner serves no further check: the next one starts in a new
runner, forked from the state right after import, as if no reset existed (``clear_session``'s own
checks judge it). A backend without ``clear_session`` is not reset; its runners serve
``CHECKS_PER_RUNNER`` checks as before.
"""

from __future__ import annotations

from types import ModuleType

import numpy as np

# The configuration ``clear_session`` must keep (tf_keras and Keras 2.3.1 keep it in module globals
# that it does not touch; ``test_clear_session_keeps_the_configuration`` judges the same three).
KEPT = ("floatx", "epsilon", "image_data_format")
CANARY = (1.5, -2.0)  # a new variable's value, exact in every floatx


class SessionReset:
    """Clears ``module``'s session between two checks (see the module's docstring)."""

    def __init__(self, module: ModuleType):
        self.module = module

    @property
    def available(self) -> bool:
        """Whether the backend has a ``clear_session`` to reset with."""
        return callable(getattr(self.module, "clear_session", None))

    def __call__(self) -> bool:
        """Clear the session; True when the next check may run in this process (the reset returned,
        kept the configuration and left a backend that evaluates a variable), False when it may not."""
        try:
            before = self._configuration()
            self.module.clear_session()
            return self._configuration() == before and self._evaluates()
        except BaseException as error:  # noqa: B036 - any failure only means: no further check here
            if isinstance(error, KeyboardInterrupt):
                raise
            return False

    def _configuration(self) -> tuple[object, ...]:
        return tuple(getattr(self.module, name)() for name in KEPT)

    def _evaluates(self) -> bool:
        value = np.array(CANARY, dtype=self.module.floatx())
        found = np.asarray(self.module.eval(self.module.variable(value)))
        return found.shape == value.shape and bool(np.all(found == value))
