"""`tahapan hitung` / `calc`: date arithmetic checked on official figures, and its bad input."""

from __future__ import annotations

import json

import pytest

from conftest import packages_loaded_by


def test_h_minus_30_of_pemilu_2024(cli):
    result = cli("hitung", "H-30", "--election", "pemilu-2024")
    assert (result.exit_code, result.stdout) == (0, "Senin, 15 Januari 2024  H-30 (Pemilu 2024)\n")


@pytest.mark.parametrize(
    ("args", "result_date"),
    [
        (["2024-02-14", "+", "35", "hari"], "2024-03-20"),  # the legal result deadline
        (["2024-02-14 + 35 hari"], "2024-03-20"),  # one quoted argument works the same
        (["H-7", "-e", "pemilu-2024"], "2024-02-07"),
        (["H", "-", "7", "-e", "pemilu-2024"], "2024-02-07"),
        (["2024-02-14", "-7", "days"], "2024-02-07"),  # "-7" is arithmetic, not an option
        (["35", "hari", "setelah", "14/02/2024"], "2024-03-20"),
        (["2024-02-14", "plus", "5", "weeks"], "2024-03-20"),
        (["2024-01-31", "+", "1", "bulan"], "2024-02-29"),
        (["2024-04-05", "+", "3", "hari", "kerja"], "2024-04-18"),  # across Idul Fitri 2024
        (["2024-04-05", "+", "1", "working", "day"], "2024-04-16"),
        (["3", "hk", "sebelum", "2024-04-16"], "2024-04-03"),
        (["2024-12-06", "+", "3", "hari", "kerja"], "2024-12-11"),
    ],
)
def test_shifts(cli, args, result_date):
    result = cli("hitung", *args, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    answer = data["date"] if data["kind"] == "date" else data["result"]
    assert answer["date"] == result_date


def test_working_days_show_what_was_skipped(cli):
    result = cli("hitung", "2024-04-05", "+", "3", "hari", "kerja")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        "Jumat, 5 April 2024 + 3 hari kerja = Kamis, 18 April 2024",
        "  H+51 → H+64 (Pemilu 2024)",
        "  tidak dihitung 10 hari yang bukan hari kerja:",
        "    6 Apr 2024   Sabtu     akhir pekan",
    ]
    assert len(lines) == 13 and "Idul Fitri" in lines[8]


def test_span_counts_both_ends_and_working_days(cli):
    result = cli("hitung", "2023-11-28", "..", "2024-02-10", "--json")
    data = json.loads(result.stdout)
    assert (data["days"], data["working_days"], data["election"]) == (75, 49, "pemilu-2024")
    assert (data["first"]["h"], data["last"]["h"]) == (-78, -4)
    off = [d for d in data["days_off"] if d["kind"] != "weekend"]
    assert [d["date"] for d in off] == [
        "2023-12-25", "2023-12-26", "2024-01-01", "2024-02-08", "2024-02-09", "2024-02-10"
    ]  # fmt: skip
    assert len(data["days_off"]) == 75 - 49


def test_span_text_in_english(cli):
    result = cli("calc", "28 November 2023", "to", "10 Feb 2024", "--lang", "en")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:3] == [
        "Tuesday, 28 November 2023 to Saturday, 10 February 2024",
        "  calendar days  75 (both ends counted)",
        "  working days   49",
    ]
    assert result.stdout.splitlines()[-1] == "  H              H-78 … H-4 (2024 General Election)"


def test_a_deadline_on_a_day_off_is_pointed_out(cli):
    result = cli("hitung", "2024-02-14", "+", "4", "hari")
    assert result.stdout.splitlines()[-1] == "  18 Feb 2024 bukan hari kerja: akhir pekan"


def test_a_files_own_holiday_counts(cli, tmp_path):
    own = tmp_path / "lokal.toml"
    own.write_text(
        'schema = 1\n[[elections]]\nid = "psu-contoh"\nname = "PSU"\nname_en = "Re-vote"\n'
        'voting_day = 2025-08-27\nbasis = "uji"\n'
        '[[elections.holidays]]\ndate = 2025-08-27\nname = "Libur pemungutan suara"\n'
        '[[elections.stages]]\nid = "hari-h"\nname = "Hari H"\nname_en = "Voting day"\n'
        'start = 2025-08-27\nend = 2025-08-27\nbasis = "uji"\nconfidence = "D"\n',
        encoding="utf-8",
    )
    result = cli("hitung", "2025-08-26 + 1 hari kerja", "-e", "psu-contoh", "--data", str(own))
    assert result.exit_code == 0, result.output
    assert "Kamis, 28 Agustus 2025" in result.stdout.splitlines()[0]
    assert "    27 Agu 2025  Rabu      Libur pemungutan suara" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "tahapan: tidak ada yang dihitung\n  Contoh: tahapan hitung H-30 -e pemilu-2024;"),
        (["2024-02-14", "+", "3", "jam"], "tahapan: satuan tidak dikenal: 'jam'\n"),
        (
            ["2024-02-30"],
            "tahapan: tanggal tidak ada: '2024-02-30' (Februari 2024 hanya terdiri atas 29 hari)\n",
        ),
        (
            ["H-30"],
            "tahapan: 'H-30' dihitung dari hari pemungutan suara, jadi perlu tepat satu pemilu\n",
        ),
        (
            ["2024-02-10", "..", "2023-11-28"],
            "tahapan: rentang terbalik: '2023-11-28' lebih awal dari '2024-02-10'\n",
        ),
        (
            ["2024-02-14", "+", "99999999", "hari"],
            "tahapan: terlalu jauh untuk dihitung: '2024-02-14 + 99999999 hari' (paling jauh 3660 hari",
        ),
        (["9999-12-31", "+", "1", "hari"], "tahapan: terlalu jauh untuk dihitung"),
    ],
)
def test_bad_input_exits_2_with_a_message(cli, args, message):
    result = cli("hitung", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert result.stdout == ""


def test_hitung_runs_installed_and_without_rich(run):
    result = run("hitung", "H-7", "-e", "pemilu-2024", "--lang", "en")
    assert (result.returncode, result.stdout) == (
        0,
        "Wednesday, 7 February 2024  H-7 (2024 General Election)\n",
    )
    assert "rich" not in packages_loaded_by("hitung", "2024-02-14", "+", "35", "hari")
