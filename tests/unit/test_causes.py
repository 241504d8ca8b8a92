"""Gaps grouped by root cause (conformance/causes.py)."""

from __future__ import annotations

from conformance.causes import causes, status
from conformance.outcomes import Aspect, OutcomeKind, Status
from conformance.verdict import Gap


def raised(check: str, call: str, exception: str) -> Gap:
    return Gap(check, OutcomeKind.ERROR, f"{call} raised {exception}")


def test_one_exception_numbers_aside_is_one_cause_in_the_order_found():
    gaps = [raised("a", "K.gather(t1, t2)", "IndexError: index 5 is out of bounds for axis 0 with size 3"),
            Gap("b", OutcomeKind.MISMATCH, "gather(...): expected 1.0, got 2.0"),
            raised("c", "K.gather(t1, t3)", "IndexError: index 7 is out of bounds for axis 0 with size 4"),
            raised("d", "K.gather(t1, t3)", "ValueError: index 7 is out of bounds")]
    found = causes("gather", gaps)
    assert [[g.check for g in cause.gaps] for cause in found] == [["a", "c"], ["b"], ["d"]]
    assert [cause.status for cause in found] == [Status.ERROR, Status.MISMATCH, Status.ERROR]
    assert status("gather", gaps) is Status.ERROR


def test_a_lacking_parameter_joins_the_signature_gap_and_is_a_mismatch_with_or_without_it():
    signature = Gap("test_signature[relu]", OutcomeKind.MISMATCH, "signature: parameter 2 should be 'alpha', got "
                    "max_value", aspect=Aspect.SIGNATURE)
    calls = [raised(f"check{n}", f"K.relu(t1, alpha={n})", "TypeError: relu() got an unexpected keyword argument "
                    "'alpha'") for n in range(3)]
    (cause,) = causes("relu", [*calls, signature])
    assert cause.gaps[0] is signature and cause.checks() == ["test_signature[relu]", "check0", "check1", "check2"]
    selections = ([*calls, signature], calls, [signature])
    assert [status("relu", gaps) for gaps in selections] == [Status.MISMATCH] * 3


def test_an_unexpected_keyword_the_contract_lacks_is_an_error_of_its_own():
    """A keyword the contract does not have is no lacking parameter: the check passed it to something else."""
    gap = raised("c", "K.relu(t1)", "TypeError: relu() got an unexpected keyword argument 'beta'")
    (cause,) = causes("relu", [gap])
    assert cause.status is Status.ERROR


def test_the_same_wrong_answer_by_both_routes_is_one_cause():
    gaps = [Gap(f"test_pinned[sqrt-{route}]", OutcomeKind.MISMATCH,
                f"sqrt(0.5) by the {route} route: expected 0.7, got 0.8") for route in ("eager", "graph")]
    (cause,) = causes("sqrt", gaps)
    assert cause.checks() == ["test_pinned[sqrt-eager]", "test_pinned[sqrt-graph]"]
    assert len(causes("sqrt", [*gaps, Gap("x", OutcomeKind.MISMATCH, "sqrt(2.0) by the eager route: ...")])) == 2
