"""Wall time of the conformance suite on this machine (a measurement, not a test).

    python benchmarks/bench_suite.py                      # the reference backend, 3 runs
    python benchmarks/bench_suite.py --backend tensorflow --runs 1

Each run is a fresh ``pytest --backend=...`` process, as a user runs it. The
table gives the whole run's wall time (median and spread), the time inside
pytest, the number of checks, and the time per suite module (subject).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from collections import defaultdict


def one_run(backend: str, extra: list[str]) -> tuple[float, float, int, dict[str, float]]:
    """Wall seconds, seconds inside pytest, checks run, and seconds per suite module."""
    with tempfile.TemporaryDirectory() as workdir:
        junit = os.path.join(workdir, "junit.xml")
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--backend={backend}",
                   f"--junitxml={junit}", *extra]
        start = time.perf_counter()
        done = subprocess.run(command, cwd=workdir, capture_output=True, text=True)
        wall = time.perf_counter() - start
        if done.returncode not in (0, 1):
            sys.exit(f"the run failed (exit status {done.returncode}):\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
        suite = ElementTree.parse(junit).getroot().find("testsuite")
        per_module: dict[str, float] = defaultdict(float)
        for case in suite.iter("testcase"):
            per_module[case.get("classname").rsplit(".", 1)[-1]] += float(case.get("time", 0))
        return wall, float(suite.get("time")), int(suite.get("tests")), dict(per_module)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", default="reference_backend")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("pytest_args", nargs="*", help="extra pytest arguments, after --")
    options = parser.parse_args()
    runs = [one_run(options.backend, options.pytest_args) for _ in range(options.runs)]
    walls = [r[0] for r in runs]
    print(f"backend {options.backend}: {runs[0][2]} checks, {options.runs} run(s) on {os.cpu_count()} cores")
    print(f"{'whole run (wall, s)':<28}{statistics.median(walls):>8.2f}   min {min(walls):.2f}  max {max(walls):.2f}")
    print(f"{'inside pytest (s)':<28}{statistics.median(r[1] for r in runs):>8.2f}")
    print(f"{'start-up and collection (s)':<28}{statistics.median(r[0] - r[1] for r in runs):>8.2f}")
    for module in sorted(runs[0][3]):
        print(f"  {module:<26}{statistics.median(r[3].get(module, 0.0) for r in runs):>8.2f}")


if __name__ == "__main__":
    main()
