"""Checks generated from the catalogue's records (``conformance.catalogue``).

* ``test_signature``: parameters in the contract's order with its defaults;
* ``test_agrees_with_reference``: hypothesis draws calls from the record's
  ``calls``; the backend's result on each route must match the reference
  backend's within the entry's tolerance (shape, dtype, NaN/inf placement, values);
* ``test_example``: each pinned edge case of the record, on each route.
"""

from __future__ import annotations

import inspect

import pytest
from hypothesis import strategies as st

from conformance.calls import in_floatx
from conformance.catalogue import CATALOGUE, Entry
from conformance.check import given
from conformance.escapes import not_judged
from conformance.families import Answer, agree, attempt
from conformance.markers import entry_param, per_entry
from conformance.oracles import answers
from conformance.outcomes import Aspect
from conformance.routes import evaluate
from conformance.signatures import check_signature, judgeable


def _params(entries: list[Entry], examples: bool = False) -> list:
    """One parameter set per entry and route (and per example, with ``examples``), marked with its entry."""
    params = []
    for entry in entries:
        for route in entry.routes:
            for index in range(len(entry.examples)) if examples else [None]:
                values = (entry.name, route) if index is None else (entry.name, index, route)
                params.append(entry_param(entry.name, *values, id="-".join(str(v) for v in values)))
    return params


@pytest.mark.parametrize("name", per_entry((e.name for e in CATALOGUE.values() if e.signature is not None),
                                           aspect=Aspect.SIGNATURE))
def test_signature(backend, name):
    entry = CATALOGUE[name]
    function = backend.entry(name)
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        not_judged("not judged: the signature cannot be read")
    if not judgeable(signature):
        not_judged("not judged: (*args, **kwargs), a decorator without functools.wraps")
    backend.check.follow("signature", check_signature(entry, signature, backend.contract))


@pytest.mark.parametrize("name, route", _params([e for e in CATALOGUE.values() if e.calls]))
@given(data=st.data())
def test_agrees_with_reference(backend, oracles, name, route, data):
    entry = CATALOGUE[name]
    function = backend.entry(name)
    assert entry.calls is not None  # parametrized over the records that have calls
    drawn = data.draw(entry.calls(backend.settings.floatx), label="call")
    expected = answers(oracles, name, drawn)
    what = f"{drawn.render(name)} by the {route} route"
    found = attempt(lambda: evaluate(backend, route, function, *drawn.args, what=what, **drawn.kwargs))
    backend.check.follow(name, agree(found, expected, backend.contract, what, entry.tolerance))


@pytest.mark.parametrize("name, index, route", _params([e for e in CATALOGUE.values() if e.examples], examples=True))
def test_example(backend, oracles, name, index, route):
    entry = CATALOGUE[name]
    function = backend.entry(name)
    example = entry.examples[index]
    floatx = backend.settings.floatx
    pinned = in_floatx(example.call, floatx)
    what = f"{pinned.render(name)} by the {route} route" + (f" ({example.why})" if example.why else "")
    expected = [(way, Answer(in_floatx(answer.expected, example.dtype or floatx), answer.raises))
                for way, answer in example.answers()]
    # The other ways classic Keras 2.3 accepted for this entry, computed on the pinned call.
    expected += [(oracle.way, oracle.answer(name, pinned)) for oracle in oracles if oracle.entry == name]
    found = attempt(lambda: evaluate(backend, route, function, *pinned.args, what=what, **pinned.kwargs))
    backend.check.follow(example.why or pinned.render(name), agree(found, expected, backend.contract, what,
                                                                   entry.tolerance))

