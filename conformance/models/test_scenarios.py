"""The model tier's checks, collected only with ``--models``: one per scenario.

Each check's divergence report goes to ``MODEL_LINES`` (the run prints it after the gap
report, since a conformance run shows no tracebacks) and fails the check.
"""

from __future__ import annotations

import pytest

from .scenarios import SCENARIOS
from .tier import ChildFailed, judge, keras_2_3_1_missing

MODEL_LINES = pytest.StashKey[list[str]]()


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_model_trains_as_through_the_reference(scenario: str, request: pytest.FixtureRequest) -> None:
    lines = request.config.stash.setdefault(MODEL_LINES, [])
    hint = keras_2_3_1_missing()
    if hint is not None:
        if hint not in lines:
            lines.append(hint)
        pytest.skip(hint)
    from ..plugin import RUN_KEY
    run = request.config.stash[RUN_KEY]
    try:
        report = judge(run.loaded.choice.name, scenario, floatx="float32")
    except ChildFailed as error:
        report = [f"{scenario}: {error}"]
    lines.extend(report or [f"{scenario}: trains as through the reference"])
    assert not report, "\n".join(report)
