"""The reference backend's convolutions and pooling against tf_keras' on the same inputs.

    python benchmarks/bench_reference_vs_tf.py            # the reference alone
    python benchmarks/bench_reference_vs_tf.py            # in a venv with tf_keras: against it too

Each operation runs eagerly on concrete float32 inputs: a warm-up call, then
the best of ``--repeat`` timings of ``--number`` calls (best-of filters out
other processes' noise). The target: the reference's conv2d on a
(8, 32, 32, 16) input with a 3x3x16x32 kernel within 5x of tf_keras' CPU time.
Exits 1 when tf_keras is importable and the target is missed.
"""

from __future__ import annotations

import argparse
import os
import sys
import timeit
from collections.abc import Callable
from typing import Any

# numpy's OpenBLAS runs single-threaded unless the caller says otherwise: on the
# project's 2-core machine its threads spin against TensorFlow's and other
# processes', and the target case took 4 to 20 ms threaded against 2 to 4 ms
# single-threaded. Set OPENBLAS_NUM_THREADS yourself to measure another setting.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402 (after the thread setting, which numpy reads on import)

import reference_backend as reference  # noqa: E402

TARGET_RATIO = 5.0
# name -> (arguments builder, keyword arguments); inputs channels_last, float32.
rng = np.random.default_rng(0)
X = rng.standard_normal((8, 32, 32, 16)).astype("float32")
CASES: dict[str, tuple[str, tuple, dict]] = {
    "conv2d 3x3 same": ("conv2d", (X, rng.standard_normal((3, 3, 16, 32)).astype("float32")),
                        dict(padding="same", data_format="channels_last")),
    "conv2d 3x3 valid stride 2": ("conv2d", (X, rng.standard_normal((3, 3, 16, 32)).astype("float32")),
                                  dict(strides=(2, 2), data_format="channels_last")),
    "pool2d max 2x2 stride 2": ("pool2d", (X, (2, 2)), dict(strides=(2, 2), data_format="channels_last")),
    "pool2d avg 3x3 same": ("pool2d", (X, (3, 3)), dict(padding="same", data_format="channels_last",
                                                         pool_mode="avg")),
    "conv2d_transpose 3x3 stride 2": ("conv2d_transpose",
                                      (X, rng.standard_normal((3, 3, 8, 16)).astype("float32"), (8, 64, 64, 8)),
                                      dict(strides=(2, 2), padding="same", data_format="channels_last")),
}
TARGET_CASE = "conv2d 3x3 same"


def _tf_keras() -> Any:
    """tf_keras.backend, or None when it cannot be imported."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    try:
        import tf_keras.backend as backend
    except ImportError:
        return None
    return backend


def _timer(backend: Any, name: str, args: tuple, kwargs: dict) -> Callable[[], Any]:
    """One eager call of ``backend.name`` whose result is read back as numpy."""
    tensors = tuple(backend.constant(a) if isinstance(a, np.ndarray) else a for a in args)
    function = getattr(backend, name)
    return lambda: np.asarray(function(*tensors, **kwargs))


def best_seconds(runs: list[Callable[[], Any]], number: int, repeat: int) -> list[float]:
    """Seconds per call of each of ``runs``: the best of ``repeat`` timings of
    ``number`` calls, after a warm-up. The runs take turns, so that a load
    change on the machine hits both sides of a comparison alike."""
    for run in runs:
        run()
    timings: list[list[float]] = [[] for _ in runs]
    for _ in range(repeat):
        for run, times in zip(runs, timings):
            times.append(timeit.timeit(run, number=number) / number)
    return [min(times) for times in timings]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--number", type=int, default=10, help="calls per timing")
    parser.add_argument("--repeat", type=int, default=5, help="timings per operation (the best is kept)")
    options = parser.parse_args(argv)
    tf_backend = _tf_keras()
    if tf_backend is None:
        print("tf_keras is not importable: timing the reference alone")
    print(f"{'operation':32} {'reference ms':>13} {'tf_keras ms':>12} {'ratio':>7}")
    verdict = 0
    for label, (name, args, kwargs) in CASES.items():
        runs = [_timer(reference, name, args, kwargs)]
        if tf_backend is not None:
            runs.append(_timer(tf_backend, name, args, kwargs))
            np.testing.assert_allclose(runs[1](), runs[0](), rtol=1e-3, atol=1e-3)  # the same computation
        ours, *others = best_seconds(runs, options.number, options.repeat)
        line = f"{label:32} {ours * 1e3:13.2f}"
        if others:
            theirs = others[0]
            ratio = ours / theirs
            line += f" {theirs * 1e3:12.2f} {ratio:6.1f}x"
            if label == TARGET_CASE and ratio > TARGET_RATIO:
                line += f"  (target: within {TARGET_RATIO:g}x)"
                verdict = 1
        print(line)
    return verdict


if __name__ == "__main__":
    sys.exit(main())
