"""A pytest plugin for our own tests' broken-backend runs (``-p no_shrinking``): the suite's
hypothesis profile, without the shrink phase.

Those runs ask whether the suite catches a broken entry, and on which entry it reports it. The
examples drawn are the same either way (the profile is derandomized; shrinking starts only after a
failure), so every check passes or fails as it would; only a failing check's message shows the first
failing example instead of its minimal form (which some broken backends' expected messages name: a
conv2d that ignores image_data_format() raises on the first example, and mismatches on the minimal
one). The broken- and misbehaving-backend tests use it (``conftest.options_judging``) for the runs
where nearly every check fails, a backend whose ``variable``, ``placeholder`` or ``function`` is
broken: there shrinking is about half the cost, 72 s against 40 s of CPU for
``variable_through_float16``.
"""

from __future__ import annotations

import hypothesis
import pytest


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    """After the suite loaded its profile: the same settings, but for the shrink phase."""
    suite = hypothesis.settings.default
    phases = [phase for phase in suite.phases if phase is not hypothesis.Phase.shrink]
    hypothesis.settings.register_profile("conformance-no-shrinking", parent=suite, phases=phases)
    hypothesis.settings.load_profile("conformance-no-shrinking")
