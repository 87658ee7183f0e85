"""Start-up and scale benchmark: whole `tahapan` processes against baselines measured in the same run.

    python bench/run.py [--runs N] [--stages 25000] [--large 100000] [--json FILE]

Prints the wall time of each command over N rounds (after one warm-up, which also fills the
cache; the commands take turns within each round) as min–median–max, and the median's ratio to a
baseline measured in this run: F1 = the bare import of our own stack (typer, rich, pydantic,
dateutil, tomllib) for start-up, `check --within 7` for the history's cases, and `tahapan status` on
the shipped data for the synthetic national set (bench/make_synthetic.py, made on first use). Then
the peak memory of the large status, the first (uncached) run on it, and `publish` of every region.
With --large N: one run each of the heavy commands on an N-stage set (list, validate, JSON and CSV
outputs), with its time and peak memory. These machines are noisy: compare ratios, not
milliseconds, and judge a change by an interleaved A/B (farm-bench --vs) against the commit before.
The cache lives in a fresh temporary directory for the run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable
TAHAPAN = str(Path(PY).with_name("tahapan"))
ON = ["--on", "2023-11-29"]
REGION = "wilayah-0260"
F1 = "F1 import stack"
CHECK = "tahapan check --within 7"

#: the targets of the performance issue, as ratios of the median to the baseline
Case = tuple[str, list[str], str, float | None]


def cases(synthetic: Path, scratch: Path) -> list[Case]:
    """(name, command, baseline, target ratio)."""
    large = [TAHAPAN, "status", *ON, "--region", REGION, "--data", str(synthetic)]
    many = ["--data", str(synthetic)]
    wall = [TAHAPAN, "calendar", "-e", "pilkada-2024", "--year", "2024"]
    return [
        ("F0 python -c pass", [PY, "-c", "pass"], F1, None),
        (F1, [PY, "-c", "import typer, rich.console, rich.table, pydantic, dateutil.parser, tomllib"], F1, None),
        ("tahapan --help", [TAHAPAN, "--help"], F1, 1.0),
        ("tahapan status", [TAHAPAN, "status", *ON], F1, 1.0),
        ("tahapan status --json", [TAHAPAN, "status", *ON, "--json"], F1, 0.8),
        ("tahapan list", [TAHAPAN, "list", *ON], F1, 1.15),
        (CHECK, [TAHAPAN, "check", "--within", "7", "-q", *ON], F1, 0.7),
        # nothing changed since the warm-up took the snapshot: the answer of almost every run
        ("tahapan changes", [TAHAPAN, "changes"], CHECK, 1.2),
        ("tahapan check --changes", [TAHAPAN, "check", "--changes", "-q", *ON], CHECK, 1.2),
        ("check --within 7 (25k)", [TAHAPAN, "check", "--within", "7", "-q", *ON, *many], "check --within 7 (25k)", None),
        ("changes (25k)", [TAHAPAN, "changes", *many], "check --within 7 (25k)", 1.2),
        ("calendar pdf, 12 months", [*wall, "-f", "pdf", "-o", str(scratch / "wall.pdf")], F1, 4.0),
        ("calendar html, 12 months", [*wall, "-f", "html", "-o", str(scratch / "wall.html")], F1, 2.0),
        ("status -r (25k stages)", large, "tahapan status", 1.3),
    ]  # fmt: skip


#: cases whose history (`changes`) is kept apart: each loads its own set of files, and a shared
#: snapshot would see the other's files as a change on every run
DATA_HOMES = {
    "tahapan changes": "shipped",
    "tahapan check --changes": "shipped",
    "changes (25k)": "25k",
}


def case_env(name: str, env: dict[str, str]) -> dict[str, str]:
    home = DATA_HOMES.get(name, "other")
    return {**env, "XDG_DATA_HOME": str(Path(env["XDG_CACHE_HOME"]) / "data" / home)}


def run_once(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    # 1 is an answer (check: something is due); anything else means the timing is of a failure
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr.decode()[-500:]}")
    return elapsed


def timings(
    commands: dict[str, list[str]], runs: int, env: dict[str, str]
) -> dict[str, list[float]]:
    """Seconds per command and round. The commands take turns, round after round, so that a slow
    spell of the machine falls on all of them alike and leaves the ratios alone."""
    for name, cmd in commands.items():
        # warms the page cache, the .pyc files, tahapan's own cache and the history's snapshot
        run_once(cmd, case_env(name, env))
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            times[name].append(run_once(cmd, case_env(name, env)))
    return times


def measured(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one run, from the kernel's account of the
    child; its output is thrown away (as a pipe would take it, not kept)."""
    probe = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        f"subprocess.run({cmd!r}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    done = subprocess.run([PY, "-c", probe], capture_output=True, text=True, env=env, check=True)
    seconds, kilobytes = done.stdout.split()
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return float(seconds), int(kilobytes) / scale


def publish_times(env: dict[str, str], scratch: Path) -> tuple[float, float, int]:
    """`tahapan publish` of every region and election: once from a cold cache and an empty
    history into a new folder, then again with nothing changed (and how many files that rewrote,
    by modification time and inode)."""
    home = Path(tempfile.mkdtemp(dir=scratch))
    cold = {**env, "XDG_CACHE_HOME": str(home / "cache"), "XDG_DATA_HOME": str(home / "data")}
    site = home / "situs"
    cmd = [TAHAPAN, "publish", str(site), "-q"]
    first = run_once(cmd, cold)

    def stamps() -> dict[str, tuple[int, int]]:
        return {
            str(p): (p.stat().st_mtime_ns, p.stat().st_ino) for p in site.rglob("*") if p.is_file()
        }

    before = stamps()
    again = run_once(cmd, cold)
    after = stamps()
    return first, again, sum(1 for k in after if before.get(k) != after[k])


def synthetic_file(stages: int) -> Path:
    path = HERE / "data" / f"synthetic-{stages}.toml"
    if not path.exists():
        script = str(HERE / "make_synthetic.py")
        subprocess.run([PY, script, "--stages", str(stages), "-o", str(path)], check=True)
    return path


#: the heavy commands on the large set: (name, arguments, target seconds or None); each must also
#: stay under LARGE_MEMORY_MB, its output streamed rather than held
LARGE_MEMORY_MB = 200


def large_cases(path: Path) -> list[tuple[str, list[str], float | None]]:
    data = ["--data", str(path)]
    return [
        ("validate", ["validate", str(path)], 3.0),
        ("list", ["list", "--all", *ON, *data], 5.0),
        ("list --json", ["list", "--all", "--json", *ON, *data], None),
        ("check --within 3660 --json", ["check", "--within", "3660", "--json", *ON, *data], None),
        ("export -f csv", ["export", "-f", "csv", *data], None),
        ("export -f toml", ["export", *data], None),
        ("status", ["status", *ON, *data], None),
    ]


def run_large(stages: int, env: dict[str, str]) -> dict[str, dict[str, float | None]]:
    path = synthetic_file(stages)
    out: dict[str, dict[str, float | None]] = {}
    print(f"\n{stages} stages ({path.name}), one run each, cached (a first run fills the cache):")
    subprocess.run([TAHAPAN, "status", *ON, "--data", str(path)], env=env, capture_output=True)
    print(f"{'command':<28} {'seconds':>8} {'target':>8} {'peak MB':>8}  (< {LARGE_MEMORY_MB} MB)")
    for name, args, target in large_cases(path):
        seconds, memory = measured([TAHAPAN, *args], env)
        mark = "" if target is None else f"{target:>6} {'ok' if seconds <= target else 'MISSED'}"
        fits = "ok" if memory < LARGE_MEMORY_MB else "MISSED"
        print(f"{name:<28} {seconds:>8.2f} {mark:<9} {memory:>7.0f}  {fits}")
        out[name] = {"seconds": round(seconds, 2), "target": target, "memory_mb": round(memory, 1)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--stages", type=int, default=25_000)
    parser.add_argument("--large", type=int, default=0, help="also the heavy commands on N stages")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()

    synthetic = synthetic_file(args.stages)
    with tempfile.TemporaryDirectory() as cache_home:
        env = {
            **os.environ,
            "COLUMNS": "80",
            "TAHAPAN_NOW": "2023-11-29T08:00:00+07:00",
            "XDG_CACHE_HOME": cache_home,
        }
        # an installed tahapan has its .pyc files (pip compiles them); let the warm-up write them
        # for a source checkout too, or every run would compile tahapan from source
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        table = cases(synthetic, Path(cache_home))
        times = timings({name: cmd for name, cmd, _, _ in table}, args.runs, env)
        large_cmd = table[-1][1]
        _, memory = measured(large_cmd, env)
        cold_env = {**env, "XDG_CACHE_HOME": tempfile.mkdtemp(dir=cache_home)}
        cold_seconds, cold_memory = measured(large_cmd, cold_env)
        publish_cold, publish_again, rewritten = publish_times(env, Path(cache_home))
        large = run_large(args.large, env) if args.large else {}

    results = {name: statistics.median(values) for name, values in times.items()}
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {args.runs} rounds")
    print(f"{'case':<26} {'min–median–max ms':>20} {'ratio':>6}  {'to':<24} {'target':>7}")
    report: dict[str, object] = {}
    for name, _, baseline, target in table:
        ratio = results[name] / results[baseline]
        mark = "" if target is None else f"<= {target:<4} {'ok' if ratio <= target else 'MISSED'}"
        low, high = min(times[name]) * 1000, max(times[name]) * 1000
        spread = f"{low:.0f}–{results[name] * 1000:.0f}–{high:.0f}"
        print(f"{name:<26} {spread:>20} {ratio:>6.2f}  {baseline[:24]:<24} {mark}")
        report[name] = {
            "ms": [round(low, 1), round(results[name] * 1000, 1), round(high, 1)],
            "ratio": round(ratio, 2),
            "target": target,
        }
    f1 = results[F1]
    print(
        f"peak memory, status -r on {args.stages} stages (cached): {memory:.0f} MB "
        f"(target < 150 MB: {'ok' if memory < 150 else 'MISSED'})"
    )
    cold_ok = cold_seconds <= 10 * f1 and cold_memory < 100
    print(
        f"first run on {args.stages} stages (no cache yet): {cold_seconds:.2f} s = "
        f"{cold_seconds / f1:.1f} × F1, {cold_memory:.0f} MB "
        f"(target <= 10 × F1 and < 100 MB: {'ok' if cold_ok else 'MISSED'})"
    )
    print(
        f"publish, every region and election, cold cache: {publish_cold:.2f} s "
        f"(target <= 10 s: {'ok' if publish_cold <= 10 else 'MISSED'}); again, nothing changed: "
        f"{publish_again:.2f} s, {rewritten} files rewritten (target 0: "
        f"{'ok' if rewritten == 0 else 'MISSED'})"
    )
    if large:
        run_large_print = "\n".join(
            f"  {name}: {v['seconds']} s, {v['memory_mb']} MB" for name, v in large.items()
        )
        print(f"large set ({args.large} stages):\n{run_large_print}")
    if args.json:
        report.update(
            publish_cold_seconds=round(publish_cold, 2),
            publish_again_seconds=round(publish_again, 2),
            memory_mb=round(memory, 1),
            cold_seconds=round(cold_seconds, 2),
            cold_memory_mb=round(cold_memory, 1),
            large=large,
        )
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
