"""Boundaries, where off-by-one errors live: the last day of a window and the day after it, the
exact horizon, the documented maximum. Each is checked from both sides, through what a user sees."""

from __future__ import annotations

import json

import pytest

from conftest import LATIHAN

#: LATIHAN's one stage, rapat, runs 10-12 January 2025; evaluasi is one day, 20 January
TWO_STAGES = (
    LATIHAN
    + """
[[elections.stages]]
id = "evaluasi"
name = "Evaluasi"
name_en = "Review"
start = 2025-01-20
end = 2025-01-20
basis = "Undangan"
confidence = "P"
"""
)


@pytest.fixture
def latihan(tmp_path):
    path = tmp_path / "latihan.toml"
    path.write_text(LATIHAN, encoding="utf-8")
    return str(path)


@pytest.fixture
def two_stages(tmp_path):
    path = tmp_path / "dua.toml"
    path.write_text(TWO_STAGES, encoding="utf-8")
    return str(path)


def status_json(cli, *args: str) -> dict:
    result = cli("status", *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# "Just ended" lasts seven days: rapat ended on 12 January, so the 19th is the 7th day after it


@pytest.mark.parametrize(("on", "shown"), [("2025-01-19", [7]), ("2025-01-20", [])])
def test_a_stage_is_just_ended_for_seven_days(cli, latihan, on, shown):
    data = status_json(cli, "--data", latihan, "-e", "latihan", "--on", on)
    assert [e["days_since"] for e in data["ended"] if e["id"] == "rapat"] == shown


def test_the_7th_day_after_an_end_keeps_the_election_on_the_screen(cli, latihan):
    # nothing of Latihan runs or starts soon: the stage that just ended is what keeps it near
    seventh = cli("status", "--data", latihan, "--on", "2025-01-19", "--lang", "en")
    assert "Just ended: Coordination meeting (7 days ago)" in seventh.stdout
    eighth = status_json(cli, "--data", latihan, "--on", "2025-01-20")
    assert "latihan" not in [e["id"] for e in eighth["elections"]]


def test_the_day_after_an_end_is_day_1_and_the_end_itself_is_not_ended(cli, latihan):
    last = status_json(cli, "--data", latihan, "-e", "latihan", "--on", "2025-01-12")
    assert [a["id"] for a in last["active"]] == ["rapat"] and last["ended"] == []
    after = status_json(cli, "--data", latihan, "-e", "latihan", "--on", "2025-01-13")
    assert [e["days_since"] for e in after["ended"]] == [1]


# status --days N: a stage starting exactly N days ahead is listed, one N+1 days ahead is not


@pytest.mark.parametrize(("days", "listed"), [("15", ["rapat", "evaluasi"]), ("14", ["rapat"])])
def test_status_days_includes_the_horizon_day(cli, two_stages, days, listed):
    # on 5 January rapat starts 5 days ahead and evaluasi 15
    data = status_json(
        cli, "--data", two_stages, "-e", "latihan", "--on", "2025-01-05", "--days", days
    )
    assert [u["id"] for u in data["upcoming"]] == listed


@pytest.mark.parametrize(("days", "upcoming"), [("30", [30]), ("29", [30])])
def test_the_next_stage_is_shown_even_beyond_the_horizon(cli, latihan, days, upcoming):
    # one election asked for by name: its next stage is listed however far it is
    data = status_json(
        cli, "--data", latihan, "-e", "latihan", "--on", "2024-12-11", "--days", days
    )
    assert [u["days_until"] for u in data["upcoming"]] == upcoming


@pytest.mark.parametrize(("days", "near"), [("30", True), ("29", False)])
def test_an_election_is_near_when_a_stage_starts_on_the_horizon_day(cli, latihan, days, near):
    # rapat starts on 10 January 2025, 30 days after 11 December 2024
    data = status_json(cli, "--data", latihan, "--on", "2024-12-11", "--days", days)
    assert ("latihan" in [e["id"] for e in data["elections"]]) is near


def test_an_election_is_near_on_the_day_its_stage_starts(cli, latihan):
    data = status_json(cli, "--data", latihan, "--on", "2025-01-10", "--days", "0")
    assert "latihan" in [e["id"] for e in data["elections"]]


# check --within N: events from today through today + N, both ends counted


@pytest.mark.parametrize(
    ("within", "code", "events"),
    [("30", 1, [("2025-01-10", "start", 30)]), ("29", 0, [])],
)
def test_check_within_counts_the_horizon_day(cli, latihan, within, code, events):
    result = cli(
        "check",
        "--within",
        within,
        "--data",
        latihan,
        "-e",
        "latihan",
        "--on",
        "2024-12-11",
        "--json",
    )
    assert result.exit_code == code, result.output
    found = json.loads(result.stdout)["events"]
    assert [(e["date"], e["event"], e["days_until"]) for e in found] == events


def test_check_within_0_is_today_only(cli, latihan):
    on_the_day = cli(
        "check", "--within", "0", "--data", latihan, "-e", "latihan", "--on", "2025-01-12", "--json"
    )
    assert [e["event"] for e in json.loads(on_the_day.stdout)["events"]] == ["end"]
    day_after = cli(
        "check", "--within", "0", "--data", latihan, "-e", "latihan", "--on", "2025-01-13", "--json"
    )
    assert (day_after.exit_code, json.loads(day_after.stdout)["events"]) == (0, [])


def test_check_within_2_pekan_is_14_days(cli, latihan):
    # 27 December + 14 days = 10 January, the first day of rapat; 13 days stops short of it
    args = ("--data", latihan, "-e", "latihan", "--on", "2024-12-27", "--json")
    fortnight = json.loads(cli("check", "--within", "2 pekan", *args).stdout)
    assert (fortnight["days"], len(fortnight["events"])) == (14, 1)
    thirteen = json.loads(cli("check", "--within", "13", *args).stdout)
    assert thirteen["events"] == []


# the calendar holds at most 36 months


def test_a_calendar_of_36_months_is_drawn_and_37_are_refused(cli):
    most = cli("calendar", "--from", "2024-01-01", "--to", "2026-12-31", "-f", "json")
    assert most.exit_code == 0, most.output
    assert len(json.loads(most.stdout)["months"]) == 36
    one_more = cli("calendar", "--from", "2024-01-01", "--to", "2027-01-01", "--lang", "en")
    assert (one_more.exit_code, one_more.stderr) == (
        2,
        "tahapan: too many months: at most 36 in one calendar\n"
        "  Choose a shorter --year or --from/--to.\n",
    )


# pace: a count out of a total may be the whole total


def test_a_full_fraction_is_done(cli):
    result = cli(
        "pace",
        "coklit",
        "-e",
        "pilkada-2024",
        "--done",
        "2250/2250",
        "--on",
        "2024-07-10",
        "--json",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["done"], data["verdict"]) == (100.0, "done")


@pytest.mark.parametrize(("done", "code"), [("0/2250", 1), ("2251/2250", 2)])
def test_fractions_either_side_of_the_full_one(cli, done, code):
    result = cli("pace", "coklit", "-e", "pilkada-2024", "--done", done, "--on", "2024-07-10")
    assert result.exit_code == code, result.output


# cases are counted in the years 1970-2099, both included


@pytest.mark.parametrize(
    ("when", "code"),
    [
        ("1969-12-31 10:00", 2),
        ("1970-01-01 10:00", 0),
        ("2099-12-31 10:00", 0),
        ("2100-01-01 10:00", 2),
    ],
)
def test_a_case_may_start_in_the_first_and_last_counted_year(cli, when, code):
    result = cli("hitung", "--chain", "phpu-pileg", when)
    assert result.exit_code == code, result.output
    if code:
        assert "di luar tahun 1970–2099" in result.stderr


# a month grid shows whole weeks: February of the year 1 to November 9999


@pytest.mark.parametrize(
    ("month", "code"), [("0001-01", 2), ("0001-02", 0), ("9999-11", 0), ("9999-12", 2)]
)
def test_the_calendars_first_and_last_months(cli, month, code):
    result = cli("calendar", "--month", month, "-f", "json", "--lang", "en")
    assert result.exit_code == code, result.output
    if code:
        assert result.stderr == (
            "tahapan: calendars cover February of the year 1 to November 9999 only\n"
            "  Choose another month.\n"
        )
    else:
        assert [m["month"] for m in json.loads(result.stdout)["months"]] == [month]
