"""Hypothesis profiles of the suite, chosen with ``--conformance-profile``.

* ``default``: fast and deterministic (derandomized): the same backend gets
  the same verdict on every run, on every machine;
* ``quick``: ten examples, deterministic: for backends that compile every graph
  before running it (Theano spends about a second of C compilation and graph
  optimisation on each new one), and for a short loop while fixing a gap;
* ``ci``: four times the examples, still deterministic, for a CI gate;
* ``thorough``: many random examples to find what the others miss; a failure
  prints the blob that replays it, and ``--hypothesis-seed`` repeats a run.

No example database is used (a verdict must not depend on earlier runs), no
per-example deadline (the suite has its own per-check timeout), and no
"explain" phase (it costs seconds per failure and adds little to the
reproduction the report already shows). A derandomized check's examples depend
on the check's name alone (``key_examples_by_check``): not on where the suite is
installed, nor on its source text, nor on the constants of "local" modules imported
so far (``ignore_local_constants``). Editing a check's body draws the same examples
as long as it draws the same way, so a fix to how a check judges does not move the
shipped baselines onto other draws.
"""

from __future__ import annotations

import hashlib
import os
import tempfile

import hypothesis
import hypothesis.configuration
import pytest

PROFILES = {
    "quick": {"max_examples": 10, "derandomize": True},
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
    ignore_local_constants()
    return describe(registered, seed)


def key_examples_by_check(item: pytest.Item) -> None:
    """Seed a derandomized check's examples from its name (file name, function,
    parameters) alone.

    Hypothesis derandomizes a test by digesting it: its source text, and for a
    parametrized test under its pytest plugin the node id, whose path is relative to
    the rootdir (``.tox/py311/lib/python3.11/site-packages/conformance/suite/test_conv.py::...``
    in one place, another path in a project's venv). So every install location drew
    other examples (we saw tf_keras pass a check in one tox env and fail it in
    another), and so did every edit of a check's body, which moved the triaged
    baselines onto new draws. An explicit seed takes precedence over the digest, as
    ``@hypothesis.seed`` does. Runs just after hypothesis' own hook, before the check
    draws anything; a profile that is not derandomized (``thorough``, a
    ``--hypothesis-seed``) draws as hypothesis chooses.
    """
    wrapped = getattr(item, "obj", None)
    settings = getattr(wrapped, "_hypothesis_internal_use_settings", None)
    if settings is None:
        return
    check = f"{item.path.name}::{item.nodeid.split('::', 1)[1]}"
    wrapped._hypothesis_internal_use_seed = (  # type: ignore[union-attr]
        int.from_bytes(hashlib.sha256(check.encode()).digest()[:16], "big") if settings.derandomize else None)


def shrink_unless_expected(item: pytest.Item, expected: bool) -> None:
    """Leave out hypothesis' shrink phase from a check whose failure the run's baseline expects.

    Shrinking replays the failing call in smaller and smaller forms until none
    fails: dozens to hundreds of extra examples, each a new graph to build (and to
    compile, on Theano). A known gap gains nothing from it: the verdict is the
    same either way (the check fails, as the baseline says), and the baseline's
    reason already carries the minimal input. So such a check reports the first
    failing call it draws; without ``--baseline`` (or for a check the baseline does
    not cover) every failure is shrunk as before. A check draws the same
    examples either way: only what happens after a failure changes.

    Set for every check, since parametrized checks share the function whose
    settings hypothesis reads (``_hypothesis_internal_use_settings``).
    """
    wrapped = getattr(item, "obj", None)
    settings = getattr(wrapped, "_hypothesis_internal_use_settings", None)
    if settings is None:
        return
    # The settings the check was decorated with, kept on first sight, before any item changed them.
    own = wrapped.__dict__.setdefault("_conformance_own_settings", settings)
    wrapped._hypothesis_internal_use_settings = (  # type: ignore[union-attr]
        hypothesis.settings(own, phases=[phase for phase in own.phases if phase is not hypothesis.Phase.shrink])
        if expected else own)


def ignore_local_constants() -> None:
    """Stop hypothesis from drawing constants found in the source of "local"
    modules (files outside site-packages and the standard library).

    Hypothesis (since 6.131) harvests them from ``sys.modules`` whenever new
    modules appear, so the examples of a derandomized test depend on where the
    suite and the backend are installed (a checkout is local, an installed copy
    is not) and on what the process had imported by then (with ``-n 2``, on
    which checks a worker ran first). We saw tf_keras get different examples,
    and verdicts, from a checkout and from a tox env. Hypothesis has no setting
    for it, so its private hook is replaced; versions without the hook never
    harvested. Hypothesis' own fixed constants (0, 1, NaN, ...) are still drawn.
    """
    try:
        from hypothesis.internal.conjecture import providers
        from hypothesis.internal.constants_ast import Constants
    except ImportError:  # pragma: no cover - a hypothesis without the modules never harvested
        return
    if not hasattr(providers, "_get_local_constants"):
        return
    nothing = Constants()
    providers._get_local_constants = lambda: nothing
    cache = getattr(providers, "CONSTANTS_CACHE", None)
    if cache is not None and hasattr(cache, "cache"):
        cache.cache.clear()  # pools computed with harvested constants before this run


def keep_storage_out_of_the_working_directory(config: pytest.Config) -> None:
    """Give hypothesis a temporary storage directory for this run, removed when pytest ends.

    With no example database, hypothesis still caches its Unicode tables in ``.hypothesis/`` under
    the current directory, so every ``pytest --backend=...`` left one in the user's project. A
    ``HYPOTHESIS_STORAGE_DIRECTORY`` the user set is kept. Forked runners share the parent's
    directory; an xdist worker is a pytest of its own, with its own.
    """
    if os.environ.get("HYPOTHESIS_STORAGE_DIRECTORY"):
        return
    storage = tempfile.TemporaryDirectory(prefix="keras-conformance-hypothesis-")
    hypothesis.configuration.set_hypothesis_home_dir(storage.name)
    config.add_cleanup(storage.cleanup)
    config.add_cleanup(lambda: hypothesis.configuration.set_hypothesis_home_dir(None))


def describe(profile: str, seed: object | None) -> str:
    settings = hypothesis.settings.get_profile(profile)
    mode = "derandomized" if settings.derandomize else f"seed {seed}" if seed is not None else "random"
    return f"profile {profile} ({settings.max_examples} examples, {mode})"
