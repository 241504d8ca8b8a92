"""The README's GitHub Actions job works as written: the README shows docs/github-actions.yml verbatim,
the file is a valid workflow (GitHub's schema, as check-jsonschema vendors it), follows the hardening a
workflow linter asks for, and each of its shell steps does its job when run as the runner runs it, in
a fresh repository with a fresh venv: the first run (no baseline yet), a gated run, a run that cannot
start. Slow (a venv and its packages, from PyPI or pip's cache): about a minute."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from ruamel.yaml import YAML

PROJECT = Path(__file__).resolve().parent.parent
WORKFLOW = PROJECT / "docs" / "github-actions.yml"
MATRIX = {"python": f"{sys.version_info.major}.{sys.version_info.minor}", "floatx": "float32"}
# The checks of three entries: the steps are run as written, PYTEST_ADDOPTS (which pytest reads) only narrows
# the selection so that a run takes seconds.
NARROW = "-p no:cacheprovider --entries=sqrt,abs,cast"


def workflow() -> dict:
    return YAML(typ="safe").load(WORKFLOW.read_text())


def steps() -> dict[str, dict]:
    """The job's steps by name (``uses`` for the actions)."""
    (job,) = workflow()["jobs"].values()
    return {step.get("name", step.get("uses", "")): step for step in job["steps"]}


def test_the_readme_shows_the_workflow_file_verbatim():
    readme = (PROJECT / "README.md").read_text()
    section = readme[readme.index("## A CI gate for your backend"):]
    block = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert block is not None
    assert block.group(1) == WORKFLOW.read_text()


def test_the_workflow_is_valid_for_github():
    done = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                           str(WORKFLOW)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_workflow_is_hardened_and_pins_what_a_baseline_depends_on():
    """Read-only token, actions pinned by commit, no credentials left in the checkout, hypothesis pinned
    to the release our own baselines were triaged with (tox.ini), the summary and the files kept whatever
    the suite's exit status."""
    assert workflow()["permissions"] == {"contents": "read"}
    named = steps()
    actions = [step["uses"] for step in named.values() if "uses" in step]
    assert len(actions) == 3 and all(re.fullmatch(r"actions/[\w-]+@[0-9a-f]{40}", uses) for uses in actions), actions
    (checkout,) = [step for step in named.values() if step.get("uses", "").startswith("actions/checkout@")]
    assert checkout["with"]["persist-credentials"] is False
    pinned = re.search(r"hypothesis==([\d.]+)", (PROJECT / "tox.ini").read_text())
    assert pinned is not None and f'"hypothesis=={pinned.group(1)}"' in named["install"]["run"]
    kept = [step for step in named.values() if step.get("if") == "always()"]
    assert [step.get("name", step.get("uses", "")[:23]) for step in kept] == ["report in the job summary",
                                                                              "actions/upload-artifact"]


def test_the_install_step_stops_at_once_while_the_plugin_s_location_is_not_set(tmp_path):
    """The placeholder would make pip ask GitHub for a repository that does not exist: one line instead."""
    environment = {**os.environ, **workflow()["env"]}
    done = subprocess.run(["bash", "-e", "-c", steps()["install"]["run"]], cwd=tmp_path, env=environment,
                          capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout) == (1, "::error::set CONFORMANCE_PLUGIN (the workflow's env) to where "
                                                 "you install keras-backend-conformance from\n")


@dataclass
class Job:
    """A fresh repository holding a backend package, a venv the install step filled, the job's environment."""

    repository: Path
    environment: dict[str, str]
    summary: Path

    def run(self, step: str, **variables: str) -> subprocess.CompletedProcess[str]:
        """Run a step's shell script as GitHub's runner does (``bash -e``), in the repository."""
        return subprocess.run(["bash", "-e", "-c", steps()[step]["run"]], cwd=self.repository,
                              env={**self.environment, **variables}, capture_output=True, text=True, timeout=600)

    def suite_then_summary(self, **variables: str) -> tuple[subprocess.CompletedProcess[str], str]:
        """A new run of the job's last two shell steps: the suite step's result and the job summary."""
        for old in [*self.repository.glob("conformance-*"), self.repository / "summary.md", self.summary]:
            old.unlink(missing_ok=True)
        suite = self.run("conformance suite", **variables)
        summary = self.run("report in the job summary", **variables)
        assert summary.returncode == 0, summary.stdout + summary.stderr
        return suite, self.summary.read_text()


BACKEND_PACKAGE = {
    "pyproject.toml": """\
        [build-system]
        requires = ["setuptools>=77"]
        build-backend = "setuptools.build_meta"

        [project]
        name = "my-package"
        version = "0.1"
        """,
    "my_package/__init__.py": "",
    "my_package/my_backend.py": "from reference_backend import *  # noqa: F403\n",
    "my_package/broken_backend.py": """\
        from reference_backend import *  # noqa: F403
        from reference_backend import abs as sqrt  # noqa: F401 - wrong on purpose
        """,
}


@pytest.fixture(scope="module")
def job(tmp_path_factory: pytest.TempPathFactory) -> Job:
    """The install step, run in a fresh venv with the plugin from a copy of this checkout
    (``CONFORMANCE_PLUGIN``, the variable the workflow asks its user to set)."""
    repository = tmp_path_factory.mktemp("repository")
    for name, text in BACKEND_PACKAGE.items():
        (repository / name).parent.mkdir(parents=True, exist_ok=True)
        (repository / name).write_text(textwrap.dedent(text))
    # A copy of this checkout: pip builds a source directory in place (setuptools writes build/ there).
    plugin = repository.parent / "keras-backend-conformance"
    shutil.copytree(PROJECT, plugin, ignore=shutil.ignore_patterns(".*", "build", "dist", "*.egg-info", "__pycache__"))
    venv = repository.parent / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    spec = workflow()
    (job_spec,) = spec["jobs"].values()
    variables = {**spec["env"], **job_spec["env"]}
    variables = {key: re.sub(r"\$\{\{ matrix\.(\w+) \}\}", lambda m: MATRIX[m.group(1)], str(value))
                 for key, value in variables.items()}
    outside = ("PYTHONPATH", "KERAS_BACKEND", "KERAS_HOME", "HYPOTHESIS_STORAGE_DIRECTORY", "PYTEST_ADDOPTS",
               "VIRTUAL_ENV", "GITHUB_ACTIONS")
    environment = {key: value for key, value in os.environ.items() if key not in outside}
    summary = repository.parent / "step-summary.md"
    environment.update(variables, CONFORMANCE_PLUGIN=str(plugin), GITHUB_STEP_SUMMARY=str(summary),
                       PATH=f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}", PYTEST_ADDOPTS=NARROW,
                       PIP_DISABLE_PIP_VERSION_CHECK="1")
    made = Job(repository, environment, summary)
    installed = made.run("install")
    assert installed.returncode == 0, installed.stdout[-3000:] + installed.stderr[-3000:]
    return made


def test_the_first_run_writes_a_baseline_to_triage_and_the_next_is_gated_by_it(job):
    report = job.environment["REPORT"]
    first, summary = job.suite_then_summary(BACKEND="my_package.broken_backend")
    assert first.returncode == 1, first.stdout[-3000:] + first.stderr[-3000:]
    assert "::notice::no baseline at baselines/my_backend.toml yet" in first.stdout
    assert summary.startswith("## Keras backend conformance: `my_package.broken_backend`")
    assert f"No baseline at `baselines/my_backend.toml` yet: this run wrote `{report}-baseline.toml`" in summary
    written = job.repository / f"{report}-baseline.toml"
    assert 'entry = "sqrt"' in written.read_text()
    assert {path.name for path in job.repository.glob("conformance-*.*")} >= {f"{report}.xml", f"{report}.json"}

    (job.repository / "baselines").mkdir(exist_ok=True)
    shutil.copy(written, job.repository / "baselines" / "my_backend.toml")  # the user commits it
    try:
        gated, summary = job.suite_then_summary(BACKEND="my_package.broken_backend")
        assert gated.returncode == 0, gated.stdout[-3000:] + gated.stderr[-3000:]
        assert "::notice::" not in gated.stdout and "No baseline" not in summary
        assert "### Expected gaps (baseline `baselines/my_backend.toml`)" in summary
    finally:
        shutil.rmtree(job.repository / "baselines")


def test_a_conforming_backend_passes_its_first_run(job):
    run, summary = job.suite_then_summary()  # the workflow's own BACKEND: my_package.my_backend
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "3 of 3 judged entries conform" in summary


def test_a_run_that_cannot_start_still_writes_the_job_summary(job):
    unloadable, summary = job.suite_then_summary(BACKEND="my_package.not_written_yet")
    assert unloadable.returncode == 4, unloadable.stdout[-3000:] + unloadable.stderr[-3000:]
    assert "no module named 'my_package.not_written_yet'" in summary  # the report says what was found
    misspelt, summary = job.suite_then_summary(FLOATX="float128")  # pytest refuses the option: no report at all
    assert misspelt.returncode == 4, misspelt.stdout[-3000:] + misspelt.stderr[-3000:]
    assert summary.startswith("No conformance report: the run did not start.")
