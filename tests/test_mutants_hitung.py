"""`hitung` and the dates officers type: each documented word once, each direction, and a count that
starts on a day off. Every test here failed on a mutant that the rest of the suite let through
(docs/testing.md)."""

from __future__ import annotations

import json

import pytest


def result_date(cli, *args: str) -> str:
    result = cli("hitung", *args, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    return (data["date"] if data["kind"] == "date" else data["result"])["date"]


@pytest.mark.parametrize(
    "expression",
    [
        "7 hari sebelum 2024-02-14",
        "7 days before 2024-02-14",
        "2024-02-14 - 7 hari",
        "2024-02-14 − 7 hari",  # the minus sign a word processor puts in
        "2024-02-14 minus 7 days",
        "2024-02-14 kurang 7 hari",
        "1 pekan sebelum 2024-02-14",
        "1 week before 2024-02-14",
    ],
)
def test_every_backward_word_counts_back(cli, expression):
    assert result_date(cli, expression) == "2024-02-07"


@pytest.mark.parametrize(
    "expression",
    [
        "7 hari setelah 2024-02-07",
        "7 hari sesudah 2024-02-07",
        "7 days after 2024-02-07",
        "2024-02-07 + 7 hari",
        "2024-02-07 plus 7 days",
        "2024-02-07 tambah 7 hari",
    ],
)
def test_every_forward_word_counts_on(cli, expression):
    assert result_date(cli, expression) == "2024-02-14"


@pytest.mark.parametrize(
    ("words", "result"),
    [
        ("lusa", "2023-12-01"),  # the day after tomorrow: 29 November is today in the tests
        ("besok", "2023-11-30"),
        ("kemarin", "2023-11-28"),
        ("hari ini", "2023-11-29"),
    ],
)
def test_relative_day_words(cli, words, result):
    assert result_date(cli, words) == result


@pytest.mark.parametrize("unit", ["pekan", "minggu", "weeks"])
def test_2_pekan_is_14_days(cli, unit):
    assert result_date(cli, f"2024-02-14 + 2 {unit}") == "2024-02-28"


def test_a_backward_shift_is_printed_with_a_minus(cli):
    result = cli("hitung", "7 days before 2024-02-14", "--lang", "en")
    assert result.stdout.splitlines() == [
        "Wednesday, 14 February 2024 - 7 days = Wednesday, 7 February 2024",
        "  H → H-7 (2024 General Election)",
    ]
    forward = cli("hitung", "2024-02-07 + 7 hari")
    assert (
        forward.stdout.splitlines()[0] == "Rabu, 7 Februari 2024 + 7 hari = Rabu, 14 Februari 2024"
    )


def test_h_notation_with_two_elections_is_refused(cli):
    result = cli("hitung", "H-3", "-e", "pemilu-2024", "-e", "pilkada-2024", "--lang", "en")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "tahapan: 'H-3' counts from voting day, so it needs exactly one election\n"
        "  Add --election, e.g. --election pemilu-2024.\n",
    )


class TestAShiftFromADayOff:
    """A working-day count that starts on a Saturday or Sunday: the start is not a step."""

    def test_forward_from_a_saturday(self, cli):
        result = cli("hitung", "2024-12-07", "+", "1", "hari", "kerja", "--json")
        data = json.loads(result.stdout)
        assert data["from"]["day_off"] == {
            "kind": "weekend",
            "name": "akhir pekan",
            "name_en": "weekend",
        }
        assert data["result"]["date"] == "2024-12-09"  # Monday
        # the Sunday was stepped over; the Saturday it started on is not listed
        assert [d["date"] for d in data["days_off"]] == ["2024-12-08"]

    def test_backward_from_a_sunday(self, cli):
        result = cli("hitung", "2024-12-08", "-", "1", "hari", "kerja", "--lang", "en")
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines() == [
            "Sunday, 8 December 2024 - 1 working day = Friday, 6 December 2024",
            "  H+11 → H+9 (2024 Simultaneous Regional Elections)",
            "  skipped 1 days that are not working days:",
            "    7 Dec 2024   Saturday  weekend",
        ]

    def test_zero_working_days_is_the_day_itself(self, cli):
        assert result_date(cli, "2024-12-07 + 0 hari kerja") == "2024-12-07"

    def test_a_span_over_a_weekend_counts_its_working_days(self, cli):
        result = cli("hitung", "2024-12-06", "..", "2024-12-09", "--json")
        data = json.loads(result.stdout)
        assert (data["days"], data["working_days"]) == (4, 2)


def test_a_count_of_a_thousand_digits_is_refused_with_the_limit(cli):
    result = cli("hitung", "2024-01-01 + " + "1" * 1001 + " hari")
    assert (result.exit_code, result.stderr) == (
        2,
        "tahapan: jumlah terlalu besar: 111111111111…\n  Paling jauh 3660 hari.\n",
    )


def test_a_month_that_does_not_exist_is_refused_in_english_too(cli):
    result = cli("calendar", "--month", "2024-13", "--lang", "en")
    assert (result.exit_code, result.stderr) == (
        2,
        "tahapan: not a month: '2024-13'\n  Write YYYY-MM, e.g. 2024-11.\n",
    )


def test_a_machine_on_the_old_name_of_wita_counts_in_wita(cli, monkeypatch):
    # Asia/Ujung_Pandang is Makassar's name before 1999; older systems still link to it
    monkeypatch.setenv("TZ", "Asia/Ujung_Pandang")
    result = cli("status", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["timezone"] == "Asia/Makassar"
