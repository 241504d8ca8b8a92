"""The model tier, pytest's side: each scenario through the backend and the reference, judged.

Keras 2 binds one backend per process, so each run is a child interpreter
(``conformance.models.child``) with ``KERAS_BACKEND`` set, ``KERAS_HOME`` in a
temporary directory and the shipped ``legacy_python`` shim on ``PYTHONPATH``.

Tolerance: after ``k`` optimiser steps a value may differ from the reference's by
``t_k = 64 * k * eps(floatx)`` relative to ``1 + |reference|`` (each step compounds a
few roundings per weight, so the bound grows with the steps; values before any step,
the initial predictions and evaluation, take ``k = 1``).
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import numpy as np

from ..contract import Contract, Family
from .child import SETUP_VARIABLE
from .replay import departure
from .scenarios import SCENARIOS, STEPS

REFERENCE = "reference_backend.classic"  # Keras 2.3.1 is a classic client: its learning phase is symbolic
SHIM = Path(__file__).resolve().parent / "legacy_python"
INSTALL_HINT = ('the model tier needs Keras 2.3.1 and h5py: pip install "keras-backend-conformance[keras2]"')
STEP_FACTOR = 64  # t_k = STEP_FACTOR * k * eps(floatx)


def keras_2_3_1_missing() -> str | None:
    """The one-line hint when Keras 2.3.1 is not installed; None when it is."""
    try:
        found = version("keras")
    except PackageNotFoundError:
        return INSTALL_HINT
    return None if found == "2.3.1" else f"{INSTALL_HINT} (keras {found} is installed)"


def run_child(backend: str, scenario: str, culprit_step: int | None = None, setup: str = "",
              floatx: str = "float32", flipped_kernels: bool = False, timeout: float = 300) -> Any:
    """What ``conformance.models.child`` answers for ``scenario`` through ``backend`` (after
    ``setup``, a ``--backend-setup``) under ``floatx``, which the child's ``keras.json`` sets: Keras
    2.3.1 reads it at import, and keeps its own ``floatx`` for every backend it loads."""
    with tempfile.TemporaryDirectory() as home:
        with open(os.path.join(home, "keras.json"), "w", encoding="utf-8") as config:
            json.dump({"floatx": floatx, "epsilon": 1e-07, "image_data_format": "channels_last"}, config)
        output = os.path.join(home, "result.pickle")
        environment = {**os.environ, "KERAS_BACKEND": keras_backend(backend), "KERAS_HOME": home,
                       SETUP_VARIABLE: setup,
                       "PYTHONPATH": os.pathsep.join([str(SHIM), *sys.path])}
        command = [sys.executable, "-m", "conformance.models.child", scenario, output]
        if culprit_step is not None:
            command += ["--culprit", str(culprit_step)]
        if flipped_kernels:
            command += ["--flipped-kernels"]
        finished = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=timeout)
        if finished.returncode != 0:
            last = (finished.stderr.strip().splitlines() or ["(no message)"])[-1]
            raise ChildFailed(f"{scenario} through {backend} failed: {last}")
        with open(output, "rb") as file:
            return pickle.load(file)


def keras_backend(backend: str) -> str:
    """``KERAS_BACKEND`` for a scenario through ``backend``: the module's name, except for
    ``keras.backend`` itself (Keras 2.3.1's own backends, such as Theano), which stays what the
    caller's ``KERAS_BACKEND`` chose (Keras' default, tensorflow, without one)."""
    return os.environ.get("KERAS_BACKEND", "tensorflow") if backend == "keras.backend" else backend


class ChildFailed(Exception):
    """A scenario's interpreter ended with an error (Keras could not use the backend)."""


def tolerance(floatx: str, steps: int) -> float:
    return STEP_FACTOR * max(steps, 1) * float(np.finfo(floatx).eps)


def _difference(actual: Any, expected: Any, limit: float) -> str | None:
    got, want = np.asarray(actual), np.asarray(expected)
    if got.shape != want.shape:
        return f"shape {got.shape}, reference {want.shape}"
    return departure(got, want, limit)


@dataclass
class Divergence:
    """Where a scenario first departs from the reference."""

    what: str
    step: int  # 1-based training step; 0 before any step
    detail: str


def _weights_difference(actual: list[Any], expected: list[Any], limit: float) -> str | None:
    for i, (got, want) in enumerate(zip(actual, expected)):
        why = _difference(got, want, limit)
        if why is not None:
            return f"weight {i}: {why}"
    return None


def first_divergence(actual: dict[str, Any], expected: dict[str, Any], floatx: str,
                     deterministic: bool) -> Divergence | None:
    """The first value of the run that departs from the reference's, in the order they arose."""
    checks: list[tuple[str, int, Any, Any, bool]] = [
        ("predictions before training", 0, actual["predictions_initial"], expected["predictions_initial"], False),
        ("evaluate before training", 0, actual["evaluate_initial"], expected["evaluate_initial"], False)]
    if deterministic:
        for step in range(1, STEPS + 1):
            checks.append((f"loss of step {step}", step, actual["losses"][step - 1],
                           expected["losses"][step - 1], False))
            checks.append((f"weights after step {step}", step, actual["weights"][step - 1],
                           expected["weights"][step - 1], True))
        checks += [("evaluate after training", STEPS, actual["evaluate"], expected["evaluate"], False),
                   ("predictions after training (inference)", STEPS, actual["predictions"], expected["predictions"],
                    False),
                   ("fit loss (one epoch)", STEPS + STEPS, actual["fit_loss"], expected["fit_loss"], False),
                   ("weights after fit", STEPS + STEPS, actual["fit_weights"], expected["fit_weights"], True)]
    for what, step, got, want, is_weights in checks:
        limit = tolerance(floatx, step)
        why = _weights_difference(got, want, limit) if is_weights else _difference(got, want, limit)
        if why is not None:
            return Divergence(what, step, why)
    if actual["round_trip_difference"] != 0:
        return Divergence("save_weights/load_weights round trip", STEPS + STEPS,
                          f"predictions after reloading differ by {actual['round_trip_difference']!r}")
    return None


@dataclass
class Verdict:
    """A scenario's divergence report (no lines: it trains as through the reference), and the
    entries Keras called while building it (known when it diverged), where a culprit hides."""

    lines: list[str]
    called: list[str]
    convention: str | None = None  # the classic Keras 2.3 convention it trains as through the reference under


def judge(backend: str, scenario: str, floatx: str = "float32", setup: str = "",
          contract: Contract = Contract.KERAS_2) -> Verdict:
    """The scenario through ``backend`` (after ``setup``, its ``--backend-setup``) and the reference.
    Where ``contract`` admits classic Keras 2.3, a model with convolutions may also train as the
    reference does with its kernels flipped (``FLIPPED_KERNELS``)."""
    expected = run_child(REFERENCE, scenario, floatx=floatx)
    actual = run_child(backend, scenario, setup=setup, floatx=floatx)
    deterministic = SCENARIOS[scenario].deterministic_training
    divergence = first_divergence(actual, expected, floatx, deterministic)
    if divergence is None:
        return Verdict([], [])
    if expected["convolution_kernels"] and Family.CLASSIC in contract.families:
        as_theano = run_child(REFERENCE, scenario, floatx=floatx, flipped_kernels=True)
        if first_divergence(actual, as_theano, floatx, deterministic) is None:
            return Verdict([], [], FLIPPED_KERNELS)
    lines = [f"{scenario}: diverges at {divergence.what}: {divergence.detail}"]
    if divergence.step > STEPS:  # fit or the round trip: every step before agreed
        return Verdict(lines, [])
    found = run_child(backend, scenario, culprit_step=divergence.step, setup=setup, floatx=floatx)
    return Verdict(lines + culprit_lines(found, divergence.step), found["called"])


FLIPPED_KERNELS = ("its convolutions flip their kernels (Theano's true convolution, accepted by classic Keras 2.3, "
                   "whose conv_utils.convert_kernel converts such weights)")


def culprit_lines(found: dict[str, Any], step: int) -> list[str]:
    """The report's lines naming the culprit ``replay.find_culprit`` found for ``step``."""
    if found["entry"] is None:
        likely = ", ".join(found["not_replayed"]) or "none"
        return [f"  no replayed call of step {step} differs ({found['replayed']} replayed); "
                f"likely culprit among the calls taking Keras callables: {likely}"]
    route = "its gradient" if found["gradient"] else "its answer"
    return [f"  culprit: {found['entry']} ({route} differs from the reference's on step {step}'s values): "
            f"{found['why']}", "  reproduce:", *(f"    {line}" for line in found["reproduction"])]
