"""Start-up benchmark: whole `tahapan` processes against baselines measured in the same run.

    python bench/run.py [--runs N]

Prints the median wall time of each command over N runs (after one warm-up) and its ratio to
F1 = the bare import of our own stack (typer, rich, pydantic, dateutil, tomllib). These machines are
noisy, so only the ratios are comparable between runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

PY = sys.executable
TAHAPAN = str(Path(PY).with_name("tahapan"))
CASES = [
    ("F0 python -c pass", [PY, "-c", "pass"]),
    (
        "F1 import stack",
        [PY, "-c", "import typer, rich.console, rich.table, pydantic, dateutil.parser, tomllib"],
    ),
    ("tahapan --help", [TAHAPAN, "--help"]),
    ("tahapan status", [TAHAPAN, "status", "--on", "2023-11-29"]),
    ("tahapan status --json", [TAHAPAN, "status", "--on", "2023-11-29", "--json"]),
    ("tahapan list", [TAHAPAN, "list"]),
    ("tahapan check --within 7", [TAHAPAN, "check", "--within", "7", "-q"]),
]


def median_seconds(cmd: list[str], runs: int) -> float:
    env = {**os.environ, "COLUMNS": "80", "TAHAPAN_NOW": "2023-11-29T08:00:00+07:00"}
    times = []
    for i in range(
        runs + 1
    ):  # the first run warms the page cache and .pyc files, and is not counted
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, env=env)
        elapsed = time.perf_counter() - start
        # 1 is an answer (check: something is due); anything else means the timing is of a failure
        if done.returncode not in (0, 1):
            sys.exit(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr.decode()[-500:]}")
        if i:
            times.append(elapsed)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    results = {name: median_seconds(cmd, args.runs) for name, cmd in CASES}
    f1 = results["F1 import stack"]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, median of {args.runs} runs")
    print(f"{'case':<24} {'median ms':>10} {'/ F1':>7}")
    for name, seconds in results.items():
        print(f"{name:<24} {seconds * 1000:>10.1f} {seconds / f1:>7.2f}")


if __name__ == "__main__":
    main()
