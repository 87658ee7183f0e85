"""Start-up and scale benchmark: whole `tahapan` processes against baselines measured in the same run.

    python bench/run.py [--runs N] [--stages 25000]

Prints the median wall time of each command over N rounds (after one warm-up, which also fills the
cache; the commands take turns within each round) and its ratio to a baseline measured in this
run: F1 = the bare import of our own stack
(typer, rich, pydantic, dateutil, tomllib) for start-up, and `tahapan status` on the shipped data for
the synthetic national data set (bench/make_synthetic.py, made on first use). Then the peak memory of
the large status, and the first (uncached) run on it. These machines are noisy: compare ratios, not
milliseconds. The cache lives in a fresh temporary directory for the run.
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


def cases(synthetic: Path, scratch: Path) -> list[tuple[str, list[str], str, float | None]]:
    """(name, command, baseline, target ratio)."""
    large = [TAHAPAN, "status", *ON, "--region", REGION, "--data", str(synthetic)]
    many = ["--data", str(synthetic)]
    pdf = [TAHAPAN, "calendar", "-e", "pilkada-2024", "--year", "2024", "-f", "pdf"]
    pdf += ["-o", str(scratch / "pilkada-2024.pdf")]
    return [
        ("F0 python -c pass", [PY, "-c", "pass"], "F1", None),
        (
            "F1 import stack",
            [
                PY,
                "-c",
                "import typer, rich.console, rich.table, pydantic, dateutil.parser, tomllib",
            ],
            "F1",
            None,
        ),
        ("tahapan --help", [TAHAPAN, "--help"], "F1", 1.2),
        ("tahapan status", [TAHAPAN, "status", *ON], "F1", 1.15),
        ("tahapan status --json", [TAHAPAN, "status", *ON, "--json"], "F1", None),
        ("tahapan list", [TAHAPAN, "list"], "F1", None),
        ("tahapan check --within 7", [TAHAPAN, "check", "--within", "7", "-q", *ON], "F1", 1.0),
        # nothing changed since the warm-up took the snapshot: the answer of almost every run
        ("tahapan changes", [TAHAPAN, "changes"], "tahapan check --within 7", 1.2),
        (
            "tahapan check --changes",
            [TAHAPAN, "check", "--changes", "-q", *ON],
            "tahapan check --within 7",
            1.2,
        ),
        (
            "check --within 7 (25k)",
            [TAHAPAN, "check", "--within", "7", "-q", *ON, *many],
            "check --within 7 (25k)",
            None,
        ),
        ("changes (25k)", [TAHAPAN, "changes", *many], "check --within 7 (25k)", 1.2),
        ("calendar pdf, 12 months", pdf, "F1", None),
        ("status -r (25k stages)", large, "tahapan status", 1.5),
    ]


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
    done = subprocess.run(cmd, capture_output=True, env=env)
    elapsed = time.perf_counter() - start
    # 1 is an answer (check: something is due); anything else means the timing is of a failure
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr.decode()[-500:]}")
    return elapsed


def medians(commands: dict[str, list[str]], runs: int, env: dict[str, str]) -> dict[str, float]:
    """Median seconds per command. The commands take turns, round after round, so that a slow
    spell of the machine falls on all of them alike and leaves the ratios alone."""
    for name, cmd in commands.items():
        # warms the page cache, the .pyc files, tahapan's own cache and the history's snapshot
        run_once(cmd, case_env(name, env))
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            times[name].append(run_once(cmd, case_env(name, env)))
    return {name: statistics.median(values) for name, values in times.items()}


def peak_memory_mb(cmd: list[str], env: dict[str, str]) -> float:
    """Peak resident memory of one run, from the kernel's account of the child."""
    probe = (
        "import resource, subprocess, sys; "
        f"subprocess.run({cmd!r}, capture_output=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    done = subprocess.run([PY, "-c", probe], capture_output=True, text=True, env=env, check=True)
    kilobytes = int(done.stdout.strip())
    return kilobytes / 1024 if sys.platform != "darwin" else kilobytes / 1024 / 1024


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--stages", type=int, default=25_000)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()

    synthetic = HERE / "data" / f"synthetic-{args.stages}.toml"
    if not synthetic.exists():
        subprocess.run(
            [
                PY,
                str(HERE / "make_synthetic.py"),
                "--stages",
                str(args.stages),
                "-o",
                str(synthetic),
            ],
            check=True,
        )
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
        results = medians({name: cmd for name, cmd, _, _ in table}, args.runs, env)
        large_cmd = table[-1][1]
        memory = peak_memory_mb(large_cmd, env)
        cold_env = {**env, "XDG_CACHE_HOME": tempfile.mkdtemp(dir=cache_home)}
        cold_seconds = run_once(large_cmd, cold_env)
        cold_memory = peak_memory_mb(large_cmd, {**env, "TAHAPAN_NO_CACHE": "1"})
        publish_cold, publish_again, rewritten = publish_times(env, Path(cache_home))

    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, median of {args.runs} runs")
    print(f"{'case':<26} {'median ms':>10} {'ratio':>7}  {'to':<24} {'target':>7}")
    report = {}
    for name, _, baseline, target in table:
        ratio = results[name] / results[baseline if baseline != "F1" else "F1 import stack"]
        mark = "" if target is None else f"<= {target:<4} {'ok' if ratio <= target else 'MISSED'}"
        base = "F1" if baseline == "F1" else baseline
        print(f"{name:<26} {results[name] * 1000:>10.1f} {ratio:>7.2f}  {base[:24]:<24} {mark}")
        report[name] = {
            "ms": round(results[name] * 1000, 1),
            "ratio": round(ratio, 2),
            "target": target,
        }
    print(
        f"peak memory, status -r on {args.stages} stages (cached): {memory:.0f} MB "
        f"(target < 150 MB: {'ok' if memory < 150 else 'MISSED'})"
    )
    print(
        f"first run on {args.stages} stages (no cache yet): {cold_seconds:.2f} s, {cold_memory:.0f} MB"
    )
    print(
        f"publish, every region and election, cold cache: {publish_cold:.2f} s "
        f"(target <= 10 s: {'ok' if publish_cold <= 10 else 'MISSED'}); again, nothing changed: "
        f"{publish_again:.2f} s, {rewritten} files rewritten (target 0: "
        f"{'ok' if rewritten == 0 else 'MISSED'})"
    )
    if args.json:
        report["publish_cold_seconds"] = round(publish_cold, 2)
        report["publish_again_seconds"] = round(publish_again, 2)
        report["memory_mb"] = round(memory, 1)
        report["cold_seconds"] = round(cold_seconds, 2)
        report["cold_memory_mb"] = round(cold_memory, 1)
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
