"""Conv and pooling checks a record cannot express: ``data_format`` left to
its default (None) follows ``image_data_format()``, under each layout in one run.

The check sets the layout it judges (``set_image_data_format``; the config guard
restores the run's afterwards), draws a call from the family's own strategies
(``conformance.catalogue.conv.CALLS``) in that layout, and makes it without
``data_format``. The answer expected is the backend's own to the same call with
the layout named explicitly (its result, or the exception it raised): whether
that answer is right is judged by the entry's other checks, this one judges only
the default.
"""

from __future__ import annotations

import pytest
from hypothesis import strategies as st

from conformance.calls import Call
from conformance.catalogue import CATALOGUE
from conformance.catalogue.conv import CALLS
from conformance.check import given
from conformance.contract import DATA_FORMATS
from conformance.families import agree, answer_of, attempt, both
from conformance.markers import entry_param
from conformance.routes import ROUTES, evaluate

DEFAULTED = [name for name in CALLS if CATALOGUE[name].parameters()["data_format"].default is None]


@pytest.mark.parametrize("name, layout, route", [entry_param(name, name, layout, route, id=f"{name}-{layout}-{route}")
                                                 for name in DEFAULTED for layout in DATA_FORMATS
                                                 for route in ROUTES])
@given(data=st.data())
def test_data_format_defaults_to_image_data_format(backend, name, layout, route, data):
    entry = CATALOGUE[name]
    function = backend.entry(name)
    backend.set_image_data_format(layout)
    drawn = data.draw(CALLS[name](backend.settings.floatx, (layout,)), label="call")
    explicit = attempt(lambda: evaluate(backend, route, function, *drawn.args, what=drawn.render(name),
                                        **drawn.kwargs))
    defaulted = Call(drawn.args, {key: value for key, value in drawn.kwargs.items() if key != "data_format"})
    what = (f"{defaulted.render(name)} under image_data_format() {layout!r}, by the {route} route "
            f"(expected: the backend's own answer with data_format={layout!r})")
    found = attempt(lambda: evaluate(backend, route, function, *defaulted.args, what=what, **defaulted.kwargs))
    agree(found, both(answer_of(explicit)), backend.contract, what, entry.tolerance)
