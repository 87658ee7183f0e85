"""Standard streams as the world hands them: encodings, full disks, closed streams (installed
command, in a subprocess, as cron runs it)."""

from __future__ import annotations

import os
import subprocess

import pytest

from conftest import installed_command
from tahapan.errors import ExitCode

ON = ["--on", "2023-11-29"]
DUE = ["--on", "2024-02-08"]  # the campaign ends within 7 days


def _run(args, *, env=None, stdout=subprocess.PIPE, shell_redirect=""):
    command = (
        " ".join(["exec", *(f"'{a}'" for a in [*installed_command(), *args])]) + shell_redirect
    )
    return subprocess.run(
        ["bash", "-c", command],
        stdout=stdout,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


@pytest.mark.parametrize("view", [["status"], ["list", "-e", "pemilu-2024"], ["show", "kampanye"]])
def test_an_ascii_terminal_gets_lookalikes_not_a_crash(view):
    result = _run([*view, *ON, "-e", "pemilu-2024"] if view[0] != "list" else [*view, *ON],
                  env={"PYTHONIOENCODING": "ascii"})  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("ascii")  # every byte is ASCII
    assert "Pemilu 2024" in text and ("  -  WIB" in text or "H-78 . H-4" in text or "-----" in text)


@pytest.mark.parametrize(
    "args", [["status", *ON], ["status", *ON, "--json"], ["check", "--within", "7", *DUE]]
)
def test_a_full_disk_is_a_message_and_exit_74(args):
    with open("/dev/full", "wb") as full:
        result = _run(args, stdout=full)
    assert result.returncode == ExitCode.OUTPUT == 74
    assert result.stderr.decode() == (
        "tahapan: keluaran tidak dapat ditulis: disk penuh\n"
        "  Periksa tujuan keluaran (disk penuh? saluran keluaran tertutup?), atau tulis ke berkas dengan -o.\n"
    )


def test_a_closed_stdout_is_a_message_and_exit_74():
    result = _run(["status", *ON], stdout=None, shell_redirect=" >&-")
    assert result.returncode == 74
    assert result.stderr.decode().startswith(
        "tahapan: keluaran tidak dapat ditulis: saluran keluaran (stdout) tertutup\n"
    )
    quiet = _run(["check", "--within", "7", "-q", *DUE], stdout=None, shell_redirect=" >&-")
    assert (quiet.returncode, quiet.stderr) == (1, b"")  # nothing to write: the answer is the code


def test_a_closed_stderr_keeps_the_exit_code():
    result = _run(["status", "--on", "kapan-kapan"], shell_redirect=" 2>&-")
    assert result.returncode == ExitCode.BAD_INPUT


@pytest.mark.parametrize("delay", [0.1, 0.15, 0.2, 0.3])
def test_ctrl_c_while_loading_ends_quietly(delay):
    import signal
    import time

    proc = subprocess.Popen(
        [*installed_command(), "status", *ON],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    time.sleep(delay)  # while typer, click and the data load
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert b"Traceback" not in stderr
    assert proc.returncode in (ExitCode.INTERRUPTED, ExitCode.OK)


@pytest.mark.parametrize(
    "args",
    [
        ["calendar", "-e", "pilkada-2024", "--month", "2024-11", "-f", "pdf"],
        ["--help"],
        ["--version"],
    ],
)
def test_binary_help_and_version_to_a_failing_stdout(args):
    with open("/dev/full", "wb") as full:
        result = _run(args, stdout=full)
    assert result.returncode == 74 and b"Traceback" not in result.stderr
    closed = _run(args, stdout=None, shell_redirect=" >&-")
    assert closed.returncode == 74 and b"Traceback" not in closed.stderr


def test_debug_mode_keeps_the_internal_error_code(tmp_path):
    # a bug is simulated by a schedule module that cannot be imported
    env = {"TAHAPAN_DEBUG": "1", "PYTHONPATH": str(tmp_path)}
    (tmp_path / "sitecustomize.py").write_text(
        "import tahapan.reports.status as r\n"
        "def boom(*a, **k):\n    raise RuntimeError('bug')\n"
        "r.build_status = boom\n",
        encoding="utf-8",
    )
    result = _run(["status"], env=env)
    assert result.returncode == 70 and b"RuntimeError: bug" in result.stderr


def test_a_quiet_run_does_not_silence_the_next(cli, tmp_path):
    """In one process (CliRunner, a library caller): -q belongs to its own run only."""
    out = tmp_path / "k.json"
    args = ("calendar", "-e", "pilkada-2024", "--month", "2024-11", "-f", "json", "-o", str(out))
    assert cli(*args, "-q").stderr == ""
    # `config get` has no -q of its own to set it back
    unset = cli("config", "get", "region")
    assert (unset.exit_code, unset.stderr) == (
        1,
        "tahapan: region belum diatur; nilai bawaan berlaku\n",
    )
