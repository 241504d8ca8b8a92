"""How far apart two correct gradients of one entry are: the evidence for the gradient checks' ``SLACK``.

    python benchmarks/calibrate_gradient_tolerance.py                    # float32, 20 draws per entry
    python benchmarks/calibrate_gradient_tolerance.py --floatx float64 --draws 40

For every entry the per-entry gradient check judges (``suite/test_entry_gradients.py``),
draws calls as the check does (same records, same filter, same weights ``w``) and computes
the gradient of ``sum(entry(call) * w)`` in floatx:

* ``reference``: the reference's reverse mode in floatx, against its exact float64 gradient
  of the same call (rounded to floatx): the error of one correct backward pass;
* ``tf_keras`` (when importable): TensorFlow's gradient registry under eager execution
  (``tf.GradientTape`` over the tf_keras entry, the same rules ``K.gradients`` applies in a
  graph), against the reference's floatx gradient: what check (a) compares.

Each comparison is expressed as the check states its tolerance: the smallest ``k`` with
``|found - expected| <= k * entry.tolerance * eps(floatx) * (1 + |expected|)`` for every
element, i.e. the ``SLACK`` that draw would need. The table gives per entry the largest
``k`` seen (the 12 largest, and every one of 0.5 or more) with its draw, and quantiles. A measurement, not a test.
"""

from __future__ import annotations

import argparse
import importlib
import os
from collections.abc import Callable
from typing import Any

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import hypothesis  # noqa: E402
import numpy as np  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import reference_backend  # noqa: E402
from conformance.calls import Call, map_arrays  # noqa: E402
from conformance.catalogue import CATALOGUE  # noqa: E402
from conformance.suite.test_entry_gradients import (  # noqa: E402  (the check's own drawing and graphs)
    JUDGED,
    _bind,
    _differentiated,
    _leaves,
    _reference_gradient,
    _weights,
)
from reference_backend.config import set_floatx as set_reference_floatx  # noqa: E402

Gradient = Callable[[str, Call, list[str], list[Any]], list[Any]]


def _needed_slack(found: list[Any], expected: list[Any], epsilons: float, floatx: str) -> float | None:
    """The slack this draw needs (None when a gradient is missing on either side or not finite)."""
    worst = 0.0
    unit = epsilons * float(np.finfo(floatx).eps)
    for one, wanted in zip(found, expected):
        if one is None or wanted is None:
            return None
        a, e = np.asarray(one, np.float64), np.asarray(wanted, np.float64)
        if a.shape != e.shape or not (np.isfinite(a).all() and np.isfinite(e).all()):
            return None
        if a.size:
            worst = max(worst, float(np.max(np.abs(a - e) / (1 + np.abs(e)))) / unit)
    return worst


def _reference_floatx(name: str, drawn: Call, wrt: list[str], weights: list[Any]) -> list[Any]:
    return _reference_gradient(reference_backend, getattr(reference_backend, name), drawn, wrt, weights)


def _reference_exact(name: str, drawn: Call, wrt: list[str], weights: list[Any]) -> list[Any]:
    floatx = next(w.dtype for w in weights if w is not None)
    exact = _reference_gradient(reference_backend, getattr(reference_backend, name), drawn, wrt, weights, "float64")
    return [None if g is None else np.asarray(g).astype(floatx) for g in exact]


def _tf_keras_gradient(floatx: str) -> Gradient | None:
    """tf_keras' gradient under eager execution, floatx set; None when tf_keras is not importable."""
    try:
        tf = importlib.import_module("tensorflow")
        backend = importlib.import_module("tf_keras.backend")
    except ImportError:
        return None

    def gradient(name: str, drawn: Call, wrt: list[str], weights: list[Any]) -> list[Any]:
        bound = _bind(getattr(reference_backend, name), map_arrays(drawn, tf.constant))
        targets = [leaf for parameter in wrt for leaf in _leaves(bound.arguments[parameter])]
        with tf.GradientTape() as tape:
            for target in targets:
                tape.watch(target)
            leaves = _leaves(getattr(backend, name)(*bound.args, **bound.kwargs))
            loss = tf.add_n([tf.reduce_sum(leaf * w) for leaf, w in zip(leaves, weights) if w is not None])
        found = tape.gradient(loss, targets)
        return [None if g is None else np.asarray(tf.convert_to_tensor(g)) for g in found]

    backend.set_floatx(floatx)
    return gradient


Worst = tuple[float, str]  # the slack a draw needed, and the draw (its call and the seed of w)


def measure(floatx: str, draws: int, pairs: dict[str, tuple[Gradient, Gradient]]) -> dict[str, dict[str, Worst]]:
    """Per comparison, per entry: the draw that needed the largest slack (entries that never answered are left out)."""
    table: dict[str, dict[str, Worst]] = {label: {} for label in pairs}
    for name in JUDGED:
        for label, worst in _measure_entry(name, floatx, draws, pairs).items():
            table[label][name] = worst
    return table


def _measure_entry(name: str, floatx: str, draws: int, pairs: dict[str, tuple[Gradient, Gradient]]) -> dict[str, Worst]:
    entry = CATALOGUE[name]
    calls = entry.calls
    assert calls is not None
    reference_entry = getattr(reference_backend, name)
    worst: dict[str, Worst] = {}

    @hypothesis.settings(max_examples=draws, derandomize=True, database=None, deadline=None,
                         suppress_health_check=list(hypothesis.HealthCheck))
    @hypothesis.given(data=st.data())
    def one_draw(data: st.DataObject) -> None:
        drawn = data.draw(calls(floatx).filter(lambda c: bool(_differentiated(reference_entry, name, c))))
        seed = data.draw(st.integers(0, 2 ** 32 - 1))
        wrt = _differentiated(reference_entry, name, drawn)
        try:
            with np.errstate(all="ignore"):
                weights = _weights(reference_entry(*drawn.args, **drawn.kwargs), seed)
        except Exception:
            return  # a call the contract refuses
        if all(w is None for w in weights):
            return
        for label, (candidate, judge) in pairs.items():
            try:
                with np.errstate(all="ignore"):
                    needed = _needed_slack(candidate(name, drawn, wrt, weights), judge(name, drawn, wrt, weights),
                                           entry.tolerance, floatx)
            except Exception:
                continue  # a call this side refuses: the forward checks judge that
            if needed is not None and needed >= worst.get(label, (0.0, ""))[0]:
                worst[label] = (needed, f"{drawn.render(name)}, seed {seed}")

    one_draw()
    return worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--floatx", default="float32", choices=("float16", "float32", "float64"))
    parser.add_argument("--draws", type=int, default=20, help="draws per entry")
    options = parser.parse_args()
    set_reference_floatx(options.floatx)
    pairs: dict[str, tuple[Gradient, Gradient]] = {"reference": (_reference_floatx, _reference_exact)}
    tf_keras = _tf_keras_gradient(options.floatx)
    if tf_keras is not None:
        pairs["tf_keras"] = (tf_keras, _reference_floatx)
    table = measure(options.floatx, options.draws, pairs)
    print(f"floatx {options.floatx}, {options.draws} draws per entry: the slack each entry's worst draw needed")
    for label, worst in table.items():
        values = np.array(sorted(needed for needed, _ in worst.values()))
        if not values.size:
            continue
        quantiles = ", ".join(f"{q:.0%} {np.quantile(values, q):.3g}" for q in (0.5, 0.9, 1.0))
        print(f"\n{label}: {len(values)} entries; per-entry worst: {quantiles}")
        ranked = sorted(worst.items(), key=lambda item: -item[1][0])
        for name, (needed, draw) in [item for rank, item in enumerate(ranked) if rank < 12 or item[1][0] >= 0.5]:
            print(f"  {name:32s} {needed:8.3g}   (entry tolerance {CATALOGUE[name].tolerance:g} epsilons) {draw}")


if __name__ == "__main__":
    main()
