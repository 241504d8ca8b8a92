"""Traits of a check's inputs, to tell one root cause that fails many entries.

A backend whose tensors cannot have a zero-size dimension, or that does not
broadcast a size-1 dimension against a larger one (Theano's variables are never
broadcastable), fails many entries for one reason. Each example of a check
(each hypothesis example, or the check's one run) notes the traits of the
arrays it passed to the backend and whether it passed (``summary``). A trait
explains an entry's failures when the failing examples of each failing check
have it and enough examples of the entry passed without it (``explaining``);
entries explained by one trait are grouped under it as a probable common cause.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .calls import arrays_in
from .catalogue import CATALOGUE
from .recording import CallLog

ZERO_SIZE = "zero-size tensors"
BROADCAST = "a size-1 dimension broadcast against a larger one"
SCALAR = "0-d tensors"

DESCRIPTIONS = {
    ZERO_SIZE: "fail on tensors with a zero-size dimension, pass on the others",
    BROADCAST: "fail where a size-1 dimension broadcasts against a larger one, pass where shapes are equal",
    SCALAR: "fail on 0-d tensors, pass on tensors of rank 1 and more",
}

# The entries whose tensor arguments broadcast against each other (elsewhere shapes differ by design).
BROADCASTING = frozenset(name for name, entry in CATALOGUE.items() if entry.category == "elementwise math") | {
    "switch", "batch_normalization", "in_train_phase", "in_test_phase"}

EVIDENCE = 3
"""How many passing examples without a trait it takes to say the trait explains the failures."""


def traits(log: CallLog) -> frozenset[str]:
    """The traits of the numpy arrays the logged calls passed to the backend (the arrays reach an
    entry through variables, or through placeholders fed to a function)."""
    arrays = [array for call in log.calls for array in arrays_in((call.args, call.kwargs))]
    found = set()
    if any(array.size == 0 for array in arrays):
        found.add(ZERO_SIZE)
    if any(array.ndim == 0 for array in arrays):
        found.add(SCALAR)
    if any(call.entry in BROADCASTING for call in log.calls) and _stretches(array.shape for array in arrays):
        found.add(BROADCAST)
    return frozenset(found)


def summary(examples: Iterable[tuple[frozenset[str], bool]]) -> tuple[tuple[str, ...], dict[str, int]]:
    """Of a check's examples (traits, passed): the traits every failing example has, and for each
    trait how many passing examples lack it."""
    seen = list(examples)
    failing = [found for found, passed in seen if not passed]
    common = sorted(frozenset.intersection(*failing)) if failing else []
    passes_without = {trait: sum(passed and trait not in found for found, passed in seen) for trait in DESCRIPTIONS}
    return tuple(common), {trait: count for trait, count in passes_without.items() if count}


def explaining(failing_traits: Sequence[Sequence[str]], passes_without: Iterable[dict[str, int]]) -> set[str]:
    """The traits that explain an entry's failures: every failing check's failing examples have them,
    and at least ``EVIDENCE`` of its examples passed without them."""
    if not failing_traits:
        return set()
    common = set.intersection(*(set(traits) for traits in failing_traits))
    evidence = [dict(counts) for counts in passes_without]
    return {trait for trait in common if sum(counts.get(trait, 0) for counts in evidence) >= EVIDENCE}


def _stretches(shapes: Iterable[tuple[int, ...]]) -> bool:
    """Whether some axis, aligned from the right, is 1 in one shape and larger in another."""
    sides: dict[int, set[int]] = {}
    for shape in shapes:
        for axis, side in enumerate(reversed(shape)):
            sides.setdefault(axis, set()).add(side)
    return any(1 in found and max(found) > 1 for found in sides.values())
