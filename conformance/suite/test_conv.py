"""The layout default: an entry whose record reads ``image_data_format`` (``data_format=None``: conv,
pooling, bias_add, spatial padding) follows ``image_data_format()``, under each layout in one run.

The check sets the layout it judges (``set_image_data_format``; the config guard
restores the run's afterwards), draws a call from the entry's own strategy in that
layout (``Entry.calls(floatx, (layout,))``), and makes it without ``data_format``.
The answer expected is the backend's own to the same call with ``data_format``
named as that layout (its result, or the exception it raised): whether that answer
is right is judged by the entry's other checks, this one judges only the default.
The entries that take a dtype or an epsilon from the configuration are judged the
same way in ``test_settings_in_force.py``.
"""

from __future__ import annotations

import hypothesis
import pytest
from hypothesis import strategies as st

from conformance.calls import Call
from conformance.catalogue import CATALOGUE
from conformance.check import given
from conformance.contract import DATA_FORMATS
from conformance.families import agree, answer_of, attempt, both
from conformance.markers import entry_param
from conformance.routes import ROUTES, evaluate

DEFAULTED = [name for name, entry in CATALOGUE.items() if "image_data_format" in entry.reads]
# A fifth of the profile's examples (5 of the default's 25, 2 of quick's 10). The check judges a default,
# not arithmetic: a backend whose default is the other layout computes another function on almost every
# draw (a non-square kernel, unequal spatial sizes), so a few draws per layout and route find it (the
# broken backends conv2d_default_*), while 25 made this one check a quarter of a tf_keras run.
LAYOUT_EXAMPLES = max(2, hypothesis.settings().max_examples // 5)  # the profile loaded before collection


@pytest.mark.parametrize("name, layout, route", [entry_param(name, name, layout, route, id=f"{name}-{layout}-{route}")
                                                 for name in DEFAULTED for layout in DATA_FORMATS
                                                 for route in ROUTES])
@hypothesis.settings(max_examples=LAYOUT_EXAMPLES)
@given(data=st.data())
def test_data_format_defaults_to_image_data_format(backend, name, layout, route, data):
    entry = CATALOGUE[name]
    function = backend.entry(name)
    backend.set_image_data_format(layout)
    assert entry.calls is not None  # an entry reading the layout draws its calls in a given one
    drawn = data.draw(entry.calls(backend.settings.floatx, (layout,)), label="call")
    named = Call(drawn.args, {**drawn.kwargs, "data_format": layout})
    explicit = attempt(lambda: evaluate(backend, route, function, *named.args, what=named.render(name),
                                        **named.kwargs))
    defaulted = Call(drawn.args, {key: value for key, value in drawn.kwargs.items() if key != "data_format"})
    what = (f"{defaulted.render(name)} under image_data_format() {layout!r}, by the {route} route "
            f"(expected: the backend's own answer with data_format={layout!r})")
    found = attempt(lambda: evaluate(backend, route, function, *defaulted.args, what=what, **defaulted.kwargs))
    agree(found, both(answer_of(explicit)), backend.contract, what, entry.tolerance)
