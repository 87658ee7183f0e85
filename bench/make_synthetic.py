"""Write a synthetic schedule of about 25,000 stages: a national data office's files for every region.

    python bench/make_synthetic.py [--stages 25000] [-o bench/data/synthetic.toml]

Each synthetic region (a regency in one of the shipped provinces, in that province's zone) gets its
own election holding a copy of Pemilu 2024's full stage tree (48 stages), scoped to that region. The
dates are the shipped ones: the file is for timing, not for use. Region ids are `wilayah-0001`...;
`tahapan status --region wilayah-0260 --data FILE` is the benchmark's scale case.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "data" / "synthetic.toml"


def build(stages_wanted: int) -> str:
    from dataclasses import replace

    from tahapan.model import Region
    from tahapan.schedule.load import load_catalog
    from tahapan.schedule.writer import schedule_text

    catalog = load_catalog()
    template = next(e for e in catalog.elections if e.id == "pemilu-2024")
    per_tree = sum(1 for _ in template.walk())
    provinces = [r for r in catalog.regions if r.parent is None]
    count = math.ceil(stages_wanted / per_tree)
    regions = []
    elections = []
    for n in range(1, count + 1):
        province = provinces[n % len(provinces)]
        region = Region(
            id=f"wilayah-{n:04d}",
            name=f"Kabupaten Sintetis {n:04d}",
            timezone=province.timezone,
            parent=province.id,
        )
        regions.append(region)
        elections.append(
            replace(
                template,
                id=f"wilayah-{n:04d}-pemilu",
                name=f"Pemilu 2024 di {region.name}",
                regions=(region.id,),
            )
        )
    return schedule_text(
        elections, [*provinces, *regions], header="# synthetic: bench/make_synthetic.py\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stages", type=int, default=25_000)
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    started = time.perf_counter()
    text = build(args.stages)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(
        f"{args.output}: {text.count('[[elections.stages')} stages, "
        f"{len(text.encode()) / 1e6:.1f} MB, {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
