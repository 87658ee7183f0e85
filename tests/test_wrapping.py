"""Suggested commands and errors at the terminal's width: a command is never broken where a copied
line would run as something else (inside an option's value, or between an option and its value),
and an error on a terminal fits its width."""

from __future__ import annotations

import os
import pty
import re
import shlex
import subprocess

import pytest

from conftest import installed_command


def command_at(text: str, start: str) -> list[str]:
    """The words of the command that begins with ``start``, as a shell reads the lines from there
    (a line ending in a backslash goes on to the next)."""
    lines = text.splitlines()
    i = next(n for n, line in enumerate(lines) if start in line)
    copied = lines[i][lines[i].index(start) :]
    while copied.endswith("\\"):
        i += 1
        copied = copied[:-1] + lines[i]
    # the clause's end (a comma, a semicolon, a full stop; not the ".." of a range) ends it
    return shlex.split(re.split(r"(?<!\.)[.,;](?=\s|$)", copied)[0])


@pytest.mark.parametrize("columns", ["40", "80"])
def test_the_quiet_days_commands_are_whole_at_40_and_80_columns(cli, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", columns)
    result = cli("status", "--on", "2026-12-06")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert max(len(line.rstrip()) for line in out.splitlines()) <= int(columns)
    assert command_at(out, "tahapan election add") == [
        *("tahapan", "election", "add", "pemilu-2029"),
        *("--like", "pemilu-2024", "--voting-day", "TANGGAL"),
    ]
    assert command_at(out, "tahapan status --on") == ["tahapan", "status", "--on", "2024-11-20"]
    assert command_at(out, "tahapan status -e") == ["tahapan", "status", "-e", "pilkada-2024"]
    assert command_at(out, "tahapan list") == ["tahapan", "list"]


def test_english_quiet_day_command_is_whole_at_40_columns(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "40")
    out = cli("status", "--on", "2026-12-06", "--lang", "en").stdout
    assert command_at(out, "tahapan election add")[-2:] == ["--voting-day", "DATE"]
    assert "Plan it with projected dates:" in out


@pytest.fixture
def terminal(monkeypatch):
    """stderr as a terminal of 40 columns (the CliRunner's is a buffer)."""
    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.setattr("tahapan.render.lines.on_terminal", lambda: True)


@pytest.mark.parametrize(
    "args",
    [
        ("status", "--on", "30/02/2024"),
        ("show", "nonexistent"),
        ("check", "--within", "1m"),
        ("hitung", "2024-01-01 + 3 tahun"),
        ("stats",),
    ],
)
def test_an_error_on_a_terminal_fits_40_columns(cli, terminal, args):
    result = cli(*args)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith("tahapan: ")
    assert len(lines) > 1
    assert max(len(line) for line in lines) <= 40, result.stderr
    assert all(line.startswith("  ") for line in lines[1:])  # under the first, not beside it


def test_the_examples_in_an_error_run_as_they_read(cli, terminal):
    err = cli("hitung", "2024-01-01 + 3 tahun").stderr
    assert max(len(line) for line in err.splitlines()) <= 40
    assert command_at(err, "tahapan hitung H-30") == [
        *("tahapan", "hitung", "H-30", "-e", "pemilu-2024")
    ]
    assert command_at(err, "tahapan hitung 2024-12-06") == [
        *("tahapan", "hitung", "2024-12-06", "+", "3", "hari", "kerja")
    ]
    assert command_at(err, "tahapan hitung 2023-11-28") == [
        *("tahapan", "hitung", "2023-11-28", "..", "2024-02-10")
    ]
    # prose after a command broken over lines starts a line of its own, not the continuation's
    assert "  Satuan: hari, hari kerja, minggu," in err.splitlines()
    # the words of the message are all there, in their order
    unwrapped = " ".join(
        line.strip().removesuffix("\\").strip() for line in err.splitlines()
    ).split()
    assert "Satuan: hari, hari kerja, minggu, bulan" in " ".join(unwrapped)


def test_an_error_into_a_pipe_stays_one_line(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "40")
    err = cli("status", "--on", "30/02/2024").stderr
    assert err.splitlines()[0] == (
        "tahapan: tanggal tidak ada: '30/02/2024' (Februari 2024 hanya terdiri atas 29 hari)"
    )


def test_the_installed_command_wraps_its_error_to_the_terminal(tmp_path):
    """The real thing: stderr a pseudo-terminal 40 columns wide, as in an officer's window."""
    main, other = pty.openpty()
    done = subprocess.run(
        [*installed_command(), "status", "--on", "30/02/2024"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=other,
        env={**os.environ, "COLUMNS": "40"},
        timeout=60,
    )
    os.close(other)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal's other end is closed: all is read
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    lines = shown.decode("utf-8").replace("\r\n", "\n").splitlines()
    assert done.returncode == 2
    assert lines[:3] == [
        "tahapan: tanggal tidak ada: '30/02/2024'",
        "  (Februari 2024 hanya terdiri atas 29",
        "  hari)",
    ]
    assert max(len(line) for line in lines) <= 40
    assert "dipilih dengan --election)." in lines[-1] or any(
        re.search(r"--election\)\.$", line) for line in lines
    )


def test_the_wrapper_knows_every_command():
    """A command in prose is "tahapan" and a command name: the wrapper's list is the CLI's."""
    from tahapan.cli.application import COMMANDS
    from tahapan.render.lines import COMMAND_WORDS

    assert set(COMMANDS) == COMMAND_WORDS


def test_a_list_that_fits_keeps_its_columns_on_a_terminal(cli, monkeypatch):
    """The regions a name fits are a small table: on a terminal wide enough, its spacing stays."""
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setattr("tahapan.render.lines.on_terminal", lambda: True)
    err = cli("status", "-r", "kediri").stderr.splitlines()
    assert "  35.06  kabupaten  Kabupaten Kediri (Jawa Timur)" in err
    assert "  35.71  kota       Kota Kediri (Jawa Timur)" in err
