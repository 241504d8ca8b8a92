"""The graph route never asks ``function`` to fetch a tensor it feeds (TF1 sessions refuse that)."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

import reference_backend
from conformance.routes import evaluate


def _function_refusing_fed_outputs(inputs, outputs, **kwargs):
    if any(any(output is fed for fed in inputs) for output in outputs):
        raise ValueError("Placeholder:0 is both fed and fetched.")
    return reference_backend.function(inputs, outputs, **kwargs)


TF1_LIKE = SimpleNamespace(placeholder=reference_backend.placeholder, function=_function_refusing_fed_outputs,
                           dtype=reference_backend.dtype)


def test_an_entry_answering_its_input_reads_the_value_fed():
    x = np.array([1.5, -2.0], dtype="float32")
    found = evaluate(TF1_LIKE, "graph", lambda t: t, x, what="identity")
    assert np.array_equal(found, x)


def test_its_other_outputs_are_still_computed_by_function():
    x = np.array([1.5, -2.0], dtype="float32")
    found = evaluate(TF1_LIKE, "graph", lambda t: [t, reference_backend.abs(t)], x, what="both")
    assert np.array_equal(found[0], x) and np.array_equal(found[1], np.abs(x))
