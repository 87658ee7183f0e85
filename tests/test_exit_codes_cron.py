"""Exit codes cron can trust, and the machine zones it runs in: an error keeps its own code when
stderr's reader is gone or TAHAPAN_DEBUG is set, a notify URL that can never work is bad input, and
TZ in every form the C library reads gives the right "today"."""

from __future__ import annotations

import os
import subprocess

import pytest

from conftest import installed_command
from tahapan.config import config_path
from tahapan.days.dates import machine_zone


def test_an_error_whose_reader_is_gone_keeps_its_exit_code():
    """`tahapan status --on 30/02/2024 2>&1 | true`: the message cannot be written, the exit code
    is still 2 (bad input), not 1 ("something is due")."""
    read, write = os.pipe()
    os.close(read)  # the reader has gone before anything is written
    try:
        done = subprocess.run(
            [*installed_command(), "status", "--on", "30/02/2024"],
            stdout=write, stderr=write, stdin=subprocess.DEVNULL, timeout=60,
        )  # fmt: skip
    finally:
        os.close(write)
    assert done.returncode == 2


def test_debug_shows_the_traceback_and_keeps_the_exit_code(run):
    done = run("status", "--on", "30/02/2024", env={"TAHAPAN_DEBUG": "1"})
    assert done.returncode == 2
    assert "Traceback (most recent call last)" in done.stderr
    assert "tahapan: tanggal tidak ada: '30/02/2024'" in done.stderr


@pytest.mark.parametrize("url", ["foo://x", "tgram://rahasia"])
def test_a_notify_url_that_can_never_work_is_bad_input(cli, url):
    # nothing is due on this day: the URL is read before any answer all the same
    done = cli("check", "--within", "1", "--on", "2026-12-06", "--notify", url)
    assert done.exit_code == 2, done.stderr  # not 75: cron would retry a broken setup forever
    scheme = url.partition("://")[0]
    assert f"--notify {scheme}://***: alamat tidak diterima Apprise" in done.stderr
    assert "rahasia" not in done.stderr  # a token is never printed
    assert "Contoh: tgram://TOKEN/CHAT_ID" in done.stderr


def test_removing_the_configured_election_is_refused(cli):
    added = cli("election", "add", "psu-2027", "--voting-day", "2027-03-03", "--name", "PSU 2027",
                "--basis", "Keputusan KPU", "--confidence", "P")  # fmt: skip
    assert added.exit_code == 0, added.stderr
    assert cli("config", "set", "election", "psu-2027").exit_code == 0
    refused = cli("election", "remove", "psu-2027")
    assert refused.exit_code == 2
    assert f"pengaturan {config_path()} memilih psu-2027 (kunci election)" in refused.stderr
    assert "tahapan config unset election" in refused.stderr
    assert cli("status").exit_code == 0  # the config still names a loaded election
    assert cli("config", "unset", "election").exit_code == 0
    assert cli("election", "remove", "psu-2027").exit_code == 0


@pytest.mark.parametrize(
    ("tz", "zone"),
    [
        (":/usr/share/zoneinfo/Asia/Makassar", "Asia/Makassar"),
        ("/usr/share/zoneinfo/Asia/Jayapura", "Asia/Jayapura"),
        (":Asia/Makassar", "Asia/Makassar"),
        ("WITA-8", "Asia/Makassar"),
        ("WIB-7", "Asia/Jakarta"),
        ("WIT-9", "Asia/Jayapura"),
        ("<+08>-8", "Asia/Makassar"),
        ("UTC", None),
        ("CET-1", None),
        ("WIT-9WITS", None),  # a rule with daylight saving is no Indonesian zone
    ],
)
def test_tz_in_every_form_the_c_library_reads(monkeypatch, tz, zone):
    monkeypatch.setenv("TZ", tz)
    assert machine_zone() == zone


def test_today_follows_a_posix_tz_late_at_night(run):
    """23:30 WIB on 5 December is already the 6th in WITA: a machine set to TZ=WITA-8 says so."""
    done = run("status", "--json", env={"TZ": "WITA-8", "TAHAPAN_NOW": "2026-12-05T16:30:00Z"})
    assert '"date": "2026-12-06"' in done.stdout and '"timezone": "Asia/Makassar"' in done.stdout


def test_hitung_outside_any_election_speaks_of_no_election_days(cli):
    done = cli("hitung", "2026-12-01 .. 2026-12-31")
    assert "hari libur     2 (nasional dan cuti bersama)" in done.stdout
    inside = cli("hitung", "-e", "pemilu-2024", "2023-11-28 .. 2024-02-10").stdout
    assert "(nasional, cuti bersama, dan libur pemilu ini)" in inside
