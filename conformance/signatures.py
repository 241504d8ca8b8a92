"""Whether a backend entry's parameters honour the contract's signature.

Keras calls entries positionally and by keyword (``K.sum(x, 1)``,
``K.mean(x, axis=-1, keepdims=True)``), so the contract's parameters must
come in the contract's order, under its names, with its defaults. A backend
may add parameters after them if they are optional. Lacking trailing
parameters that only tf_keras has (the record's ``newer``) is an older
signature: ``Unsupported``, a gap of its own kind.
"""

from __future__ import annotations

import inspect
from typing import Any

from .catalogue import Entry
from .compare import Mismatch, Unsupported

_POSITIONAL = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)


def check_signature(entry: Entry, actual: inspect.Signature) -> None:
    """Raise ``Mismatch`` (or ``Unsupported``) unless ``actual`` honours ``entry.signature``."""
    __tracebackhide__ = True
    contract = list(entry.parameters().values())
    positional = [p for p in actual.parameters.values() if p.kind in _POSITIONAL]
    shown = f"expected ({entry.signature}), got {actual}"
    for index, wanted in enumerate(contract):
        if index >= len(positional) or positional[index].name != wanted.name:
            missing = [p.name for p in contract[index:]]
            if all(name in entry.newer for name in missing) and index == len(positional):
                raise Unsupported(f"signature lacks the newer parameter(s) {', '.join(missing)}: {shown}")
            got = positional[index].name if index < len(positional) else "nothing"
            raise Mismatch(f"signature: parameter {index + 1} should be {wanted.name!r}, got {got}: {shown}")
        default = positional[index].default
        if wanted.default is not inspect.Parameter.empty and not _same(default, wanted.default):
            got = "no default" if default is inspect.Parameter.empty else f"default {default!r}"
            raise Mismatch(f"signature: {wanted.name} should default to {wanted.default!r}, has {got}: {shown}")
    for extra in positional[len(contract):]:
        if extra.default is inspect.Parameter.empty:
            raise Mismatch(f"signature: extra parameter {extra.name!r} must be optional: {shown}")
    required_keywords = [p.name for p in actual.parameters.values()
                         if p.kind is p.KEYWORD_ONLY and p.default is inspect.Parameter.empty]
    if required_keywords:
        raise Mismatch(f"signature: extra keyword-only parameter(s) {', '.join(required_keywords)} "
                       f"must be optional: {shown}")


def _same(actual: Any, wanted: Any) -> bool:
    """Defaults compare as values of the same kind: ``(1, 1)`` equals ``[1, 1]``; ``0`` is not ``False``."""
    if isinstance(wanted, (list, tuple)) and isinstance(actual, (list, tuple)):
        return len(actual) == len(wanted) and all(_same(a, w) for a, w in zip(actual, wanted))
    if isinstance(wanted, bool) or isinstance(actual, bool) or wanted is None or actual is None:
        return actual is wanted
    return type(actual) in (int, float, str) and actual == wanted
