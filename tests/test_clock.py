"""Whose "today": --tz, TAHAPAN_TZ, the config, the region's zone, the machine's own zone when it is
Indonesian, else Asia/Jakarta."""

from __future__ import annotations

import json

import pytest

# 16:30 UTC on 26 Nov 2024: already the 27th (voting day) in Jayapura, still the 26th in Jakarta
LATE = "2024-11-26T16:30:00Z"


def today(result) -> tuple[str, str]:
    data = json.loads(result.stdout)
    return data["date"], data["timezone"]


@pytest.mark.parametrize(
    ("machine", "expected"),
    [
        ("Asia/Jayapura", ("2024-11-27", "Asia/Jayapura")),
        (":Asia/Makassar", ("2024-11-27", "Asia/Makassar")),
        ("Asia/Pontianak", ("2024-11-26", "Asia/Pontianak")),
        ("UTC", ("2024-11-26", "Asia/Jakarta")),
        ("Europe/Amsterdam", ("2024-11-26", "Asia/Jakarta")),
    ],
)
def test_the_machines_zone_counts_when_it_is_indonesian(run, machine, expected):
    done = run("status", "--json", env={"TZ": machine, "TAHAPAN_NOW": LATE})
    assert done.returncode == 0, done.stderr
    assert today(done) == expected


def test_the_order_option_env_config_region_machine(cli, monkeypatch):
    monkeypatch.setenv("TAHAPAN_NOW", LATE)
    monkeypatch.setenv("TZ", "Asia/Jayapura")
    assert today(cli("status", "--json")) == ("2024-11-27", "Asia/Jayapura")
    # a region's zone before the machine's: Kota Kediri keeps WIB
    assert today(cli("status", "--json", "-r", "35.71")) == ("2024-11-26", "Asia/Jakarta")
    # the config before the region
    assert cli("config", "set", "tz", "WITA").exit_code == 0
    assert today(cli("status", "--json", "-r", "35.71")) == ("2024-11-27", "Asia/Makassar")
    # the environment before the config, the option before both
    monkeypatch.setenv("TAHAPAN_TZ", "WIB")
    assert today(cli("status", "--json")) == ("2024-11-26", "Asia/Jakarta")
    assert today(cli("status", "--json", "--tz", "WIT")) == ("2024-11-27", "Asia/Jayapura")


def test_a_bare_local_now_is_read_in_the_chosen_zone(cli, monkeypatch):
    monkeypatch.setenv("TAHAPAN_NOW", "2024-11-27T01:30:00")
    assert today(cli("status", "--json", "--tz", "WIT")) == ("2024-11-27", "Asia/Jayapura")
    assert today(cli("status", "--json", "--tz", "WIB")) == ("2024-11-27", "Asia/Jakarta")
