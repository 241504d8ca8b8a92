"""Shape entries a catalogue record cannot express: ``is_sparse`` answers a Python bool, not a tensor."""

from __future__ import annotations

import pytest
from hypothesis import strategies as st

from conformance.check import given
from conformance.compare import assert_equal
from conformance.inputs import arrays, shapes


@pytest.mark.entry("is_sparse")
@pytest.mark.parametrize("route", ["eager", "graph"])
@given(data=st.data())
def test_is_sparse_false_for_dense_tensors(backend, route, data):
    # The suite builds only dense tensors: a variable (eager) or a placeholder (graph).
    x = data.draw(arrays(data.draw(st.sampled_from([backend.settings.floatx, "int32"]), label="dtype"),
                         shapes(max_side=3)), label="x")
    if route == "eager":
        tensor, made = backend.variable(x, dtype=x.dtype.name), "variable"
    else:
        tensor, made = backend.placeholder(shape=x.shape, dtype=x.dtype.name), "placeholder"
    assert_equal(backend.is_sparse(tensor), False, f"is_sparse({made} of shape {x.shape}, dtype {x.dtype.name})")
