"""The reference's exact gradients (one backward pass) against central finite differences
(two loss evaluations per parameter, what the reference computed before reverse mode).

    python benchmarks/bench_gradients.py            # both losses
    python benchmarks/bench_gradients.py --quick    # fewer repetitions

Losses of 10,000-odd parameters, in float64, on the graph route (``function``):

* dense: ``sum(tanh(dot(x, W)))`` with ``x`` (32, 100) and ``W`` (100, 100);
* conv: ``sum(tanh(conv2d(x, K, 'same')))`` with ``x`` (8, 16, 16, 32) and ``K`` (3, 3, 32, 32).

Exact: the best of ``--repeat`` evaluations of the gradient. Finite differences: the best
time of one loss evaluation times 2 x parameters (the dense one is also run in full once, to
show the extrapolation holds). The two gradients are compared on the dense loss.
"""

from __future__ import annotations

import argparse
import os
import timeit
from collections.abc import Callable
from typing import Any

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as bench_reference_vs_tf.py: no spinning BLAS threads

import numpy as np  # noqa: E402 (after the thread setting, which numpy reads on import)

import reference_backend as K  # noqa: E402
from conformance.differences import central_differences  # noqa: E402


def _losses(rng: np.random.Generator) -> dict[str, tuple[Callable[[Any, Any], Any], np.ndarray, np.ndarray]]:
    return {
        "dense sum(tanh(x.W)), W 100x100": (lambda x, w: K.sum(K.tanh(K.dot(x, w))),
                                            rng.standard_normal((32, 100)), rng.standard_normal((100, 100)) / 10),
        "conv sum(tanh(conv2d(x, K))), K 3x3x32x32": (
            lambda x, w: K.sum(K.tanh(K.conv2d(x, w, padding="same", data_format="channels_last"))),
            rng.standard_normal((8, 16, 16, 32)), rng.standard_normal((3, 3, 32, 32)) / 10),
    }


def _best(function: Callable[[], Any], repeat: int) -> float:
    function()
    return min(timeit.repeat(function, number=1, repeat=repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 repetitions instead of 10, no full finite differences")
    options = parser.parse_args()
    repeat = 3 if options.quick else 10
    print(f"{'loss':45} {'params':>7} {'exact ms':>9} {'one loss ms':>12} {'differences s':>14} {'speed-up':>9}")
    for name, (build, x, w) in _losses(np.random.default_rng(0)).items():
        _measure(name, build, x, w, repeat, full=name.startswith("dense") and not options.quick)


def _measure(name: str, build: Callable[[Any, Any], Any], x: np.ndarray, w: np.ndarray, repeat: int,
             full: bool) -> None:
    """One line of the table for the loss ``build(x, w)``; with ``full``, finite differences run in full too."""
    xp = K.placeholder(shape=x.shape, dtype="float64")
    wp = K.placeholder(shape=w.shape, dtype="float64")
    loss = build(xp, wp)
    forward = K.function([xp, wp], [loss])
    exact = K.function([xp, wp], K.gradients(loss, [wp]))
    exact_seconds = _best(lambda: exact([x, w]), repeat)
    one_loss = _best(lambda: forward([x, w]), repeat)
    differences_seconds = one_loss * 2 * w.size
    print(f"{name:45} {w.size:7d} {exact_seconds * 1e3:9.2f} {one_loss * 1e3:12.3f} {differences_seconds:14.2f} "
          f"{differences_seconds / exact_seconds:8.0f}x")
    if full:
        start = timeit.default_timer()
        numerical = central_differences(lambda v: float(forward([x, v])[0]), w)
        measured = timeit.default_timer() - start
        error = np.max(np.abs(numerical - exact([x, w])[0]))
        print(f"{'':45} full finite differences: {measured:.2f} s; largest difference from exact: {error:.1e}")

if __name__ == "__main__":
    main()
