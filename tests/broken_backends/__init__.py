"""Backends broken on purpose, one behaviour each: the suite must report exactly that entry.

Each module names its broken entry (``BROKEN_ENTRY``) and a fragment of the
message the report must give (``EXPECTED_MESSAGE``); ``OPTIONS``, when given, are
the run's options (``--contract=tf_keras`` for a backend broken only for that family). The helpers below build
the broken ``rnn`` variants from the reference one.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import reference_backend
from reference_backend import dispatch

RNN_DEFAULTS = {"go_backwards": False, "mask": None, "constants": None, "unroll": False, "input_length": None,
                "time_major": False, "zero_output_for_mask": False, "return_all_outputs": True}


def rnn_ignoring(*names: str) -> Callable:
    """The reference rnn, with the named arguments ignored (always at their defaults)."""
    def rnn(step_function, inputs, initial_states, **options):
        options.update({name: RNN_DEFAULTS[name] for name in names})
        return reference_backend.rnn(step_function, inputs, initial_states, **options)

    return functools.wraps(reference_backend.rnn)(rnn)


def rnn_returning(transform: Callable[[tuple, dict[str, Any]], tuple]) -> Callable:
    """The reference rnn, its ``(last_output, outputs, new_states)`` passed through
    ``transform(result, options)`` (options complete with their defaults)."""
    def compute(step_function, inputs, initial_states, **options):
        options = {**RNN_DEFAULTS, **options}
        return transform(reference_backend.rnn(step_function, inputs, initial_states, **options), options)

    return functools.wraps(reference_backend.rnn)(dispatch.op(compute))
