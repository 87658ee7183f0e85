"""`show` picks a stage several elections hold as `check --active` does, and names the others."""

from __future__ import annotations

import json


def test_show_picks_the_running_one_and_names_the_others(cli):
    done = cli("show", "coklit", "-r", "Kota Kediri", "--on", "2024-07-01")
    assert done.exit_code == 0, done.stderr
    assert "pilkada-2024/pemutakhiran-data-pemilih/coklit" in done.stdout
    assert (
        "Juga di      pemilu-2024/pemutakhiran-data-pemilih/coklit (sudah berakhir)" in done.stdout
    )
    body = json.loads(cli("show", "coklit", "--on", "2024-07-01", "--json").stdout)
    assert body["stage"]["election"] == "pilkada-2024"
    assert body["also_in"] == [
        {"election": "pemilu-2024", "path": "pemutakhiran-data-pemilih/coklit", "position": "ended"}
    ]
    # the same choice as check --active
    active = cli("check", "--active", "coklit", "--on", "2024-07-01")
    assert active.stdout.startswith("ya: pilkada-2024/pemutakhiran-data-pemilih/coklit")


def test_named_election_still_wins(cli):
    body = json.loads(
        cli("show", "coklit", "-e", "pemilu-2024", "--on", "2024-07-01", "--json").stdout
    )
    assert body["stage"]["election"] == "pemilu-2024" and body["also_in"] == []


def test_between_two_windows_the_nearest_one(cli):
    """1 June 2024: Pemilu 2024's campaign ended 112 days before, Pilkada 2024's starts 116 after."""
    body = json.loads(cli("show", "kampanye", "--on", "2024-06-01", "--json").stdout)
    assert body["stage"]["election"] == "pemilu-2024"
    assert body["also_in"] == [
        {"election": e, "path": "kampanye", "position": "upcoming"}
        for e in ("pilkada-2024", "pemilihan-ulang-2025", "psu-2025-08-06")
    ]
