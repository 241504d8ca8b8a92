"""Hypothesis profiles of the suite, chosen with ``--conformance-profile``.

* ``default``: fast and deterministic (derandomized): the same backend gets
  the same verdict on every run, on every machine;
* ``ci``: four times the examples, still deterministic, for a CI gate;
* ``thorough``: many random examples to find what the others miss; a failure
  prints the blob that replays it, and ``--hypothesis-seed`` repeats a run.

No example database is used (a verdict must not depend on earlier runs), no
per-example deadline (the suite has its own per-check timeout), and no
"explain" phase (it costs seconds per failure and adds little to the
reproduction the report already shows).
"""

from __future__ import annotations

import hypothesis

PROFILES = {
    "default": {"max_examples": 25, "derandomize": True},
    "ci": {"max_examples": 100, "derandomize": True},
    "thorough": {"max_examples": 500, "derandomize": False, "print_blob": True},
}

_COMMON = {
    "database": None,
    "deadline": None,
    "report_multiple_bugs": False,
    "suppress_health_check": list(hypothesis.HealthCheck),
    "phases": [hypothesis.Phase.explicit, hypothesis.Phase.reuse, hypothesis.Phase.generate,
               hypothesis.Phase.shrink],
}


def load_profile(name: str, seed: object | None) -> str:
    """Load the suite's profile ``name`` and return a description for the header
    and the report. With a ``seed``, examples are drawn at random from that
    seed (a seed means nothing to a derandomized profile)."""
    settings = {"print_blob": False, **_COMMON, **PROFILES[name]}
    registered = f"conformance-{name}"
    if seed is not None:
        settings["derandomize"] = False
        registered += "-seeded"
    # Built on hypothesis' own "default" profile, never on the profile in force: a
    # process that runs the suite many times (our own tests) would otherwise chain
    # each profile to the last until settings lookups overflow the stack.
    hypothesis.settings.register_profile(registered, parent=hypothesis.settings.get_profile("default"), **settings)
    hypothesis.settings.load_profile(registered)
    return describe(registered, seed)


def describe(profile: str, seed: object | None) -> str:
    settings = hypothesis.settings.get_profile(profile)
    mode = "derandomized" if settings.derandomize else f"seed {seed}" if seed is not None else "random"
    return f"profile {profile} ({settings.max_examples} examples, {mode})"
