"""The README's samples are what the code prints: "Reading the report" against a real run of the
half-written backend (the CI job's file is checked in tests/test_github_actions_recipe.py)."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
OMITTED = "..."  # a sample line that stands for lines left out
CUT = " ..."  # ends a sample line cut short
# The suite's size, which grows with every check added: the one figure of the sample not held exact.
SUITE_SIZE = re.compile(r"^\d+ checks, \d+ hypothesis examples;")


def sample(section: str) -> list[str]:
    """The first code block of the README's ``section``."""
    text = README.read_text()
    block = re.search(r"```\n(.*?)```", text[text.index(f"## {section}\n"):], re.S)
    assert block is not None
    return block.group(1).splitlines()


def fits(printed: str, line: str) -> bool:
    """Whether ``printed`` is the sample ``line`` (its beginning, where the line is cut)."""
    if line.endswith(CUT):
        return normalised(printed).startswith(normalised(line.removesuffix(CUT)))
    return normalised(printed) == normalised(line)


def normalised(line: str) -> str:
    return SUITE_SIZE.sub("N checks, N hypothesis examples;", line)


def test_the_sample_report_is_what_a_run_of_the_half_written_backend_prints(run_suite):
    """Each sample line is a line of the run (or its beginning, where cut), in order; consecutive
    sample lines are consecutive in the run, except where a "..." line marks lines left out."""
    printed = run_suite("--backend=half_written_backend").output.splitlines()
    position, skipping = -1, True  # the sample starts anywhere in the output
    for line in sample("Reading the report"):
        if line.strip() == OMITTED:
            skipping = True
            continue
        position += 1
        while skipping and position < len(printed) and not fits(printed[position], line):
            position += 1
        assert position < len(printed) and fits(printed[position], line), (
            f"README line {line!r} is not what the run printed: {printed[position:position + 1]}")
        skipping = False


def test_the_suite_size_the_readme_quotes_is_within_a_tenth_of_the_suite_s(run_suite):
    """The "Speed" figures come from ``benchmarks/bench_suite.py --readme`` on one machine (timings are not
    tested: they depend on the machine and its load); the suite's size they quote must still be its size,
    give or take a tenth (checks are added more often than the figures are measured again)."""
    speed = next(paragraph for paragraph in README.read_text().split("\n\n") if paragraph.startswith("**Speed**"))
    quoted = re.search(r"against reference_backend, .*?\(([\d,]+) checks", speed, re.S)
    assert quoted is not None, speed
    collected = re.search(r"(\d+) tests? collected", run_suite("--backend=reference_backend", "--collect-only",
                                                                "-q").output)
    assert collected is not None
    assert abs(int(quoted.group(1).replace(",", "")) - int(collected.group(1))) <= int(collected.group(1)) / 10
