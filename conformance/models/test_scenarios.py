"""The model tier's checks, collected only with ``--models``: one per scenario.

Each check's lines (its divergence report, or the one-line install hint) go to its report's
``user_properties`` under ``MODEL_TIER_PROPERTY``, which the plugin prints after the gap report (a
conformance run shows no tracebacks; the property reaches an xdist controller too); a divergence
fails the check.
"""

from __future__ import annotations

import pytest

from ..escapes import not_judged
from ..plugin import MODEL_TIER_CALLED_PROPERTY, MODEL_TIER_PROPERTY, RUN_KEY
from .scenarios import SCENARIOS
from .tier import ChildFailed, Verdict, judge, keras_2_3_1_missing


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_model_trains_as_through_the_reference(scenario: str, request: pytest.FixtureRequest) -> None:
    hint = keras_2_3_1_missing()
    if hint is not None:
        request.node.user_properties.append((MODEL_TIER_PROPERTY, [hint]))
        not_judged(hint)
    run = request.config.stash[RUN_KEY]
    try:
        verdict = judge(run.loaded.choice.name, scenario, floatx=request.config.getoption("--floatx") or "float32",
                        setup=run.loaded.choice.setup, contract=run.contract)
    except ChildFailed as error:
        verdict = Verdict([f"{scenario}: {error}"], [])
    following = f" ({verdict.convention})" if verdict.convention else ""
    lines = verdict.lines or [f"{scenario}: trains as through the reference{following}"]
    request.node.user_properties.append((MODEL_TIER_PROPERTY, lines))
    request.node.user_properties.append((MODEL_TIER_CALLED_PROPERTY, verdict.called))
    assert not verdict.lines, "\n".join(verdict.lines)
