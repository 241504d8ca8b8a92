"""Whether a backend entry's parameters honour the contract's signature.

Keras calls entries positionally and by keyword (``K.sum(x, 1)``,
``K.mean(x, axis=-1, keepdims=True)``), so the contract's parameters must come
in the contract's order with its defaults. A parameter's *name* is part of the
contract only where Keras passes it by keyword: the optional parameters (and
the two required ones its layers name: rnn's ``initial_states``, random_normal's
``shape``); a required parameter may be called anything (Theano's
``set_floatx(floatx)`` is tf_keras' ``set_floatx(value)``). A backend may add
parameters after the contract's if they are optional.

Lacking the trailing parameters only tf_keras has (the record's ``newer``) is
the classic Keras 2.3 signature: ``Unsupported`` under the tf_keras contract,
the classic family's way otherwise. An entry whose signature is only
``(*args, **kwargs)`` (a decorator without ``functools.wraps``) says nothing: it
is not judged.
"""

from __future__ import annotations

import inspect
from typing import Any

from .catalogue import Entry
from .compare import Mismatch, Unsupported
from .contract import Contract
from .families import CLASSIC, Way

_POSITIONAL = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)

# Required parameters Keras 2's own code passes by keyword (keras/layers/recurrent.py names rnn's
# initial_states, keras/initializers.py random_normal's shape).
KEYWORD_REQUIRED = {"rnn": {"initial_states"}, "random_normal": {"shape"}}
# Parameters taking a list, for which a default of [] or () means what None means (Theano's
# function(inputs, outputs, updates=[])).
LIST_PARAMETERS = {"updates"}


def judgeable(actual: inspect.Signature) -> bool:
    """Whether ``actual`` names any parameter (``(*args, **kwargs)`` names none)."""
    return any(p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in actual.parameters.values())


def check_signature(entry: Entry, actual: inspect.Signature, contract: Contract) -> Way | None:
    """Raise ``Mismatch`` (or ``Unsupported``) unless ``actual`` honours ``entry.signature`` under
    ``contract``; the way followed when only the families' signatures differ (None otherwise)."""
    __tracebackhide__ = True
    wanted_parameters = list(entry.parameters().values())
    positional = [p for p in actual.parameters.values() if p.kind in _POSITIONAL]
    shown = f"expected ({entry.signature}), got {actual}"
    way = None
    for index, wanted in enumerate(wanted_parameters):
        if index >= len(positional):
            missing = [p.name for p in wanted_parameters[index:]]
            if not all(name in entry.newer for name in missing):
                raise Mismatch(f"signature: parameter {index + 1} should be {wanted.name!r}, got nothing: {shown}")
            if contract is Contract.TF_KERAS:
                raise Unsupported(f"signature lacks the newer parameter(s) {', '.join(missing)}: {shown}")
            way = CLASSIC
            break
        found = positional[index]
        keyword = wanted.default is not inspect.Parameter.empty or wanted.name in KEYWORD_REQUIRED.get(entry.name, ())
        if keyword and found.name != wanted.name:
            raise Mismatch(f"signature: parameter {index + 1} should be {wanted.name!r}, got {found.name}: {shown}")
        if wanted.default is not inspect.Parameter.empty and not _same(found.default, wanted.default, wanted.name):
            got = "no default" if found.default is inspect.Parameter.empty else f"default {found.default!r}"
            raise Mismatch(f"signature: {wanted.name} should default to {wanted.default!r}, has {got}: {shown}")
    for extra in positional[len(wanted_parameters):]:
        if extra.default is inspect.Parameter.empty:
            raise Mismatch(f"signature: extra parameter {extra.name!r} must be optional: {shown}")
    required_keywords = [p.name for p in actual.parameters.values()
                         if p.kind is p.KEYWORD_ONLY and p.default is inspect.Parameter.empty]
    if required_keywords:
        raise Mismatch(f"signature: extra keyword-only parameter(s) {', '.join(required_keywords)} "
                       f"must be optional: {shown}")
    return way


def _same(actual: Any, wanted: Any, name: str) -> bool:
    """Defaults compare as values of the same kind: ``(1, 1)`` equals ``[1, 1]``; ``0`` is not ``False``."""
    if name in LIST_PARAMETERS and wanted is None and actual in ([], ()):
        return True
    if isinstance(wanted, (list, tuple)) and isinstance(actual, (list, tuple)):
        return len(actual) == len(wanted) and all(_same(a, w, name) for a, w in zip(actual, wanted))
    if isinstance(wanted, bool) or isinstance(actual, bool) or wanted is None or actual is None:
        return actual is wanted
    return type(actual) in (int, float, str) and actual == wanted
