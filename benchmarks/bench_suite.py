"""How long the conformance suite takes on this machine (a measurement, not a test).

    python benchmarks/bench_suite.py               # against the reference (and tf_keras, if installed)
    python benchmarks/bench_suite.py --runs 5
    python benchmarks/bench_suite.py --readme      # only the whole suite: the README's "Speed" sentence

Every figure comes from fresh ``pytest`` processes, run as a user runs them,
with the default profile. The table gives:

* the whole suite's wall time, serially and with ``-n 2``, against the
  reference backend and against tf_keras when it is importable;
* the time inside pytest per category (checks of that category's entries);
* hypothesis examples per second (examples run / time inside pytest);
* what one failing entry costs, shrinking included: a backend with a broken
  ``set_value`` against the reference, on ``set_value``'s checks alone;
* the plugin's start-up: a collection-only run with the plugin minus one
  without it, and an active run's time outside its checks.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

from conformance.catalogue import CATALOGUE, CATEGORIES

TESTS_DIR = Path(__file__).resolve().parent.parent / "tests"


@dataclass
class Timing:
    wall: float  # seconds, the whole process
    cpu: float  # seconds of CPU (user + system) of the process and its children (runners, xdist workers)
    inside: float  # seconds inside the checks (JUnit)
    checks: int
    examples: int


def run_pytest(*args: str) -> Timing:
    with tempfile.TemporaryDirectory() as workdir:
        junit, report = os.path.join(workdir, "junit.xml"), os.path.join(workdir, "report.json")
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS_DIR), os.environ.get("PYTHONPATH", "")]),
               "TF_CPP_MIN_LOG_LEVEL": "3"}
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={junit}",
                   f"--conformance-report={report}", *args]
        start, cpu_before = time.perf_counter(), _children_cpu()
        done = subprocess.run(command, cwd=workdir, capture_output=True, text=True, env=env)
        wall, cpu = time.perf_counter() - start, _children_cpu() - cpu_before
        if done.returncode not in (0, 1):
            sys.exit(f"{' '.join(args)}: exit status {done.returncode}\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
        suite = ElementTree.parse(junit).getroot().find("testsuite")
        examples = json.loads(Path(report).read_text())["hypothesis_examples"]
        return Timing(wall, cpu, float(suite.get("time")), int(suite.get("tests")), examples)


def _children_cpu() -> float:
    """CPU seconds (user + system) of this process's children that have ended."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def median(runs: int, *args: str) -> Timing:
    timings = [run_pytest(*args) for _ in range(runs)]
    fields = ("wall", "cpu", "inside", "checks", "examples")
    return Timing(*(statistics.median(getattr(t, f) for t in timings) for f in fields))


def readme_speed(backends: list[str], runs: int) -> str:
    """The README's "Speed" sentence, from this machine: each backend's whole suite, serially and with
    ``-n 2``, wall and CPU time, and the machine's cores and load when the measurement began."""
    load = os.getloadavg()[0]
    parts = []
    for backend in backends:
        serial = median(runs, f"--backend={backend}")
        parallel = median(runs, f"--backend={backend}", "-n", "2")
        parts.append(f"against {backend}, {serial.wall:.0f} s of wall time ({serial.cpu:.0f} s of CPU) serially and "
                     f"{parallel.wall:.0f} s ({parallel.cpu:.0f} s of CPU) with `-n 2` ({int(serial.checks):,} checks, "
                     f"{int(serial.examples):,} hypothesis examples)")
    return (f"**Speed** (default profile; measured by `python benchmarks/bench_suite.py --readme` on {os.cpu_count()} "
            f"cores with a load average of {load:.1f} at the start, median of {runs}): " + "; ".join(parts) + ".")


def collection_wall(*args: str) -> float:
    with tempfile.TemporaryDirectory() as workdir:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *args],
                       cwd=workdir, capture_output=True)
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (the median is shown)")
    parser.add_argument("--readme", action="store_true",
                        help="measure the whole suite only and print the README's \"Speed\" sentence")
    options = parser.parse_args()
    backends = ["reference_backend"] + (["tensorflow"] if importlib.util.find_spec("tf_keras") else [])
    if options.readme:
        print(readme_speed(backends, options.runs))
        return
    row = "{:<46}{:>10}"
    print(f"{os.cpu_count()} cores, median of {options.runs} runs, seconds")
    for backend in backends:
        serial = median(options.runs, f"--backend={backend}")
        parallel = median(options.runs, f"--backend={backend}", "-n", "2")
        print(f"\n{backend}: {int(serial.checks)} checks, {int(serial.examples)} hypothesis examples")
        print(row.format("whole suite, serial (wall)", f"{serial.wall:.2f}"))
        print(row.format("whole suite, -n 2 (wall)", f"{parallel.wall:.2f}"))
        print(row.format("inside the checks, serial", f"{serial.inside:.2f}"))
        print(row.format("hypothesis examples per second", f"{serial.examples / serial.inside:.0f}"))
        for category in CATEGORIES:
            names = ",".join(name for name, entry in CATALOGUE.items() if entry.category == category)
            timing = median(options.runs, f"--backend={backend}", f"--entries={names}")
            print(row.format(f"  {category} (inside the checks)", f"{timing.inside:.2f}"))
    failing = median(options.runs, "--backend=broken_backends.set_value_keeps_value_dtype", "--entries=set_value")
    passing = median(options.runs, "--backend=reference_backend", "--entries=set_value")
    print("\none failing entry (set_value, 3 failing checks, shrinking included)")
    print(row.format("cost over the same checks passing", f"{failing.inside - passing.inside:.2f}"))
    dormant = statistics.median(collection_wall() for _ in range(options.runs))
    without = statistics.median(collection_wall("-p", "no:keras_backend_conformance") for _ in range(options.runs))
    print("\nstart-up")
    print(row.format("plugin import in any pytest run", f"{dormant - without:.2f}"))
    print(row.format("conformance run outside its checks", f"{serial.wall - serial.inside:.2f}"))


if __name__ == "__main__":
    main()
