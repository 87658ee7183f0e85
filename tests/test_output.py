"""Output conventions: colour only on a terminal that wants it, quiet pipes and interrupts."""

from __future__ import annotations

import os
import pty
import subprocess

import pytest

from conftest import installed_command
from tahapan.errors import ExitCode


def run_in_tty(*args: str, env: dict[str, str]) -> str:
    """Run tahapan with stdout on a pseudo-terminal, as in an officer's terminal window."""
    main, child = pty.openpty()
    full_env = (
        {k: v for k, v in os.environ.items() if k not in ("NO_COLOR",)}
        | {"COLUMNS": "80", "TERM": "xterm-256color"}
        | env
    )
    proc = subprocess.Popen(
        [*installed_command(), *args],
        stdout=child,
        stderr=child,
        stdin=subprocess.DEVNULL,
        env=full_env,
    )
    os.close(child)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(main)
    return b"".join(chunks).decode("utf-8", "replace")


def test_colour_on_a_terminal_and_not_with_no_color():
    assert "\x1b[" in run_in_tty("status", "--on", "2023-11-29", env={})
    assert "\x1b[" not in run_in_tty("status", "--on", "2023-11-29", env={"NO_COLOR": "1"})
    assert "\x1b[" not in run_in_tty("status", "--on", "2023-11-29", env={"TERM": "dumb"})
    assert "\x1b[" not in run_in_tty("--no-color", "status", "--on", "2023-11-29", env={})


@pytest.mark.parametrize("args", [["list"], ["status", "--on", "2023-11-29"], ["status", "--json"]])
def test_reader_gone_ends_quietly(args):
    proc = subprocess.Popen(
        [*installed_command(), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    proc.stdout.close()  # like `| head -0`: nobody reads
    stderr = proc.stderr.read()
    proc.wait(timeout=60)
    assert (proc.returncode, stderr) == (ExitCode.BROKEN_PIPE, b"")


def test_ctrl_c_exits_130_quietly(cli, monkeypatch):
    from tahapan.cli.commands import status

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(status, "build_status", interrupted)
    result = cli("status")
    assert result.exit_code == 130
    assert "Traceback" not in result.stderr


def test_internal_error_is_one_line_and_debug_shows_it(cli, monkeypatch):
    from tahapan.cli.commands import status

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(status, "build_status", broken)
    result = cli("status")
    assert result.exit_code == ExitCode.INTERNAL
    assert result.stderr == (
        "tahapan: kesalahan internal (ZeroDivisionError: division by zero). Mohon laporkan; "
        "TAHAPAN_DEBUG=1 menampilkan rinciannya.\n"
    )
    monkeypatch.setenv("TAHAPAN_DEBUG", "1")
    debug = cli("status")
    # the whole traceback, and still the internal error's code: cron must not read it as "due"
    assert debug.exit_code == ExitCode.INTERNAL
    assert "Traceback" in debug.stderr and "ZeroDivisionError: division by zero" in debug.stderr


def test_completion_of_ids():
    from tahapan.cli import complete

    assert complete.elections("pil") == ["pilkada-2024"]
    assert "pilkada-2024/pemutakhiran-data-pemilih/coklit" in complete.stages("pilkada-2024/pem")
    assert complete.stages("rapat-u") == ["rapat-umum"]
