"""Writes killed at random moments (SIGKILL, as cron or the OOM killer would) leave the old file or the
new one, whole and readable; never half of one."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import tomllib

import pytest

from conftest import installed_command

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is a POSIX signal")

ROUNDS = 30


#: how long a run may get before it is killed: start-up takes about 0.1-0.3 s and the write comes
#: last; on a loaded machine no run might finish in time, so each kill before the first finished
#: run widens the window (the test needs both moments)
def kill_at_random(
    args: list[str], env: dict[str, str], rng: random.Random, window: dict[str, float]
) -> int:
    proc = subprocess.Popen(
        [*installed_command(), *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    time.sleep(rng.uniform(0.0, window["seconds"]))
    proc.send_signal(signal.SIGKILL)
    code = proc.wait(timeout=60)
    if code != -signal.SIGKILL:
        window["finished"] = 1.0
    elif not window["finished"]:
        window["seconds"] = min(window["seconds"] * 1.25, 10.0)
    return code


def test_config_set_killed_keeps_old_or_new(tmp_path):
    config = tmp_path / "config.toml"
    env = {**os.environ, "TAHAPAN_CONFIG": str(config)}
    rng = random.Random(20241127)
    window = {"seconds": 0.6, "finished": 0.0}  # widened by each kill until a run finishes
    zones = ["WIB", "WITA", "WIT"]
    current = None
    outcomes = set()
    for n in range(ROUNDS):
        new = zones[n % 3]
        code = kill_at_random(["config", "set", "tz", new], env, rng, window)
        outcomes.add("killed" if code == -signal.SIGKILL else "finished")
        if config.exists():
            value = tomllib.loads(config.read_text(encoding="utf-8")).get("tz")
            assert value in (current, new), (n, value, current, new)
            current = value
        else:
            assert current is None
    assert outcomes == {"killed", "finished"}  # both moments were hit
    done = subprocess.run(
        [*installed_command(), "config", "set", "tz", "WIT"], env=env, capture_output=True
    )
    assert done.returncode == 0
    left = [p.name for p in tmp_path.iterdir() if p.name.startswith(".config.toml.")]
    assert left == []  # a later write sweeps what kills left (of any suffix tahapan used)


def test_stage_add_killed_keeps_old_or_new(tmp_path):
    own = tmp_path / "jadwal.toml"
    env = {**os.environ, "TAHAPAN_USER_FILE": str(own)}
    rng = random.Random(20240214)
    window = {"seconds": 0.6, "finished": 0.0}
    present: set[str] = set()
    outcomes = set()
    for n in range(ROUNDS):
        args = ["stage", "add", f"pemilu-2024/rapat-{n}", "--name", f"Rapat {n}", "--name-en", "Meeting",
                "--end", "2024-01-10", "--basis", "Undangan", "--confidence", "P"]  # fmt: skip
        code = kill_at_random(args, env, rng, window)
        outcomes.add("killed" if code == -signal.SIGKILL else "finished")
        if not own.exists():
            assert not present
            continue
        data = tomllib.loads(own.read_text(encoding="utf-8"))  # always whole TOML
        ids = {s["id"] for e in data["elections"] for s in e.get("stages", [])}
        assert ids in (present, present | {f"rapat-{n}"}), (n, ids - present)
        present = ids
        check = subprocess.run(
            [*installed_command(), "validate", str(own)], env=env, capture_output=True
        )
        assert check.returncode == 0, check.stdout
    assert outcomes == {"killed", "finished"}
