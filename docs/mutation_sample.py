"""A reproducible random sample of mutmut's mutants, and the score of what has been run.

The full run (every mutant of days/, schedule/ and reports/, ~15,000) takes many hours on one core;
a random sample of each package gives the score with a known margin. See docs/testing.md.

    python docs/mutation_sample.py pick --seed 20261207 --per-package 150 > sample.txt
    mutmut run --max-children 1 $(cat sample.txt)
    python docs/mutation_sample.py score sample.txt

``pick`` reads the mutant names from mutants/ (written at the start of any `mutmut run`, before
the tests run); ``score`` reads the results mutmut saved there. Run from the repository's top.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from pathlib import Path

PACKAGES = ("days", "schedule", "reports")
ROOT = Path("mutants/src/tahapan")
#: mutmut's exit codes (mutmut/stats.py): 1 and 3 killed, 0 survived, 36/24/-24/152/255 timeout
KILLED = {1, 3}
SURVIVED = {0}
TIMEOUT = {36, 24, -24, 152, 255}


def results(package: str) -> dict[str, int | None]:
    out: dict[str, int | None] = {}
    for meta in sorted((ROOT / package).glob("*.py.meta")):
        out.update(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"])
    return out


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% interval of a proportion k/n (Wilson's, sound near 100% where the normal one is not)."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def pick(seed: int, per_package: int, skip: int = 0) -> None:
    """Each package's mutants in an order fixed by the seed; the first ``per_package`` after
    ``skip``, so that a larger sample holds the smaller one and can be run in parts."""
    for package in PACKAGES:
        names = sorted(results(package))
        random.Random(f"{seed}/{package}").shuffle(names)
        for name in sorted(names[skip : skip + per_package]):
            print(name)


def score(sample: Path | None) -> None:
    chosen = set(sample.read_text().split()) if sample else None
    for package in PACKAGES:
        codes = {k: v for k, v in results(package).items() if chosen is None or k in chosen}
        # None: not run yet; any other code (a worker stopped by hand, a crash) is not a verdict
        run = {k: v for k, v in codes.items() if v in KILLED | SURVIVED | TIMEOUT | {33}}
        # a timeout is counted as a kill (the mutant made the tests hang), as mutmut does not;
        # "no tests" (33) is a mutant no test reaches: it counts against the score
        killed = sum(1 for v in run.values() if v in KILLED | TIMEOUT)
        low, high = wilson(killed, len(run))
        survivors = sorted(k for k, v in run.items() if v in SURVIVED)
        untested = sorted(k for k, v in run.items() if v == 33)
        print(
            f"{package}: {killed}/{len(run)} killed ({100 * killed / max(len(run), 1):.1f}%, "
            f"95% interval {100 * low:.1f}-{100 * high:.1f}%), {len(codes) - len(run)} not run, "
            f"{len(survivors)} survived, {len(untested)} reached by no test"
        )
        for name in survivors + untested:
            print(f"  {'survived' if name in survivors else 'no tests'} {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("pick", help="print a random sample of mutant names, each package alike")
    p.add_argument("--seed", type=int, default=20261207)
    p.add_argument("--per-package", type=int, default=150)
    p.add_argument("--skip", type=int, default=0, help="leave out the first SKIP of each package")
    s = sub.add_parser("score", help="killed/total per package, of the sample or of every mutant")
    s.add_argument("sample", nargs="?", type=Path)
    args = parser.parse_args()
    if not ROOT.is_dir():
        sys.exit("no mutants/ here: run `mutmut run` from the repository's top first")
    if args.what == "pick":
        pick(args.seed, args.per_package, args.skip)
    else:
        score(args.sample)


if __name__ == "__main__":
    main()
