"""Conv and pooling checks a record cannot express: ``data_format`` left to
its default (None) follows ``image_data_format()``.

The calls come from the family's own strategies (``conformance.catalogue.conv.CALLS``),
drawn in the layout currently set, then made without ``data_format``; the answer
expected is the backend's own to the same call with that layout named
explicitly (its result, or the exception it raised): whether that answer is right
is judged by the entry's other checks, this one judges only the default. Run the
suite with ``--image-data-format=channels_first`` to check the other layout.
"""

from __future__ import annotations

import pytest
from hypothesis import strategies as st

from conformance.calls import Call
from conformance.catalogue import CATALOGUE
from conformance.catalogue.conv import CALLS
from conformance.check import given
from conformance.families import agree, answer_of, attempt, both
from conformance.markers import entry_param
from conformance.routes import ROUTES, evaluate

DEFAULTED = [name for name in CALLS if CATALOGUE[name].parameters()["data_format"].default is None]


@pytest.mark.parametrize("name, route", [entry_param(name, name, route, id=f"{name}-{route}")
                                         for name in DEFAULTED for route in ROUTES])
@given(data=st.data())
def test_data_format_defaults_to_image_data_format(backend, name, route, data):
    entry = CATALOGUE[name]
    function = backend.entry(name)
    layout = backend.settings.image_data_format
    drawn = data.draw(CALLS[name](backend.settings.floatx, (layout,)), label="call")
    explicit = attempt(lambda: evaluate(backend, route, function, *drawn.args, what=drawn.render(name),
                                        **drawn.kwargs))
    defaulted = Call(drawn.args, {key: value for key, value in drawn.kwargs.items() if key != "data_format"})
    what = (f"{defaulted.render(name)} under image_data_format() {layout!r}, by the {route} route "
            f"(expected: the backend's own answer with data_format={layout!r})")
    found = attempt(lambda: evaluate(backend, route, function, *defaulted.args, what=what, **defaulted.kwargs))
    agree(found, both(answer_of(explicit)), backend.contract, what, entry.tolerance)
