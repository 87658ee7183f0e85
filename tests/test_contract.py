"""The JSON contract of every command that answers in JSON (schema 1): keys may be added, never
renamed or dropped. `status` has its own test in test_cli.py; the calendar's JSON is in
test_calendar.py."""

from __future__ import annotations

import json

import pytest

from conftest import REPO
from tahapan.render import JSON_SCHEMA

STAGE = [
    "election", "id", "path", "name", "name_en", "start", "end", "projected", "date_source",
    "series", "occurrence",
]  # fmt: skip
#: written out, so that renaming or dropping a model field fails here (a new field joining the JSON
#: without an edit is test_fields.py's)
TREE = [
    *STAGE, "basis", "confidence", "confidence_note", "note", "note_en", "held", "regions",
    "counting", "repeat", "start_rule", "end_rule", "days_total", "position", "stages",
]  # fmt: skip
DAY = ["date", "weekday", "h", "day_off"]


def answer(cli, *args: str, code: int = 0) -> dict:
    result = cli(*args, "--json")
    assert result.exit_code == code, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == JSON_SCHEMA == 1
    return data


def test_list(cli):
    data = answer(cli, "list", "-e", "pilkada-2024", "--on", "2024-09-25")
    assert list(data) == ["schema", "date", "elections"]
    election = data["elections"][0]
    assert list(election) == [
        "id", "name", "name_en", "voting_day", "projected", "kind", "h", "timezone", "regions", "basis", "note",
        "note_en", "source", "stages",
    ]  # fmt: skip
    assert election["stages"] and all(list(s) == TREE for s in election["stages"])
    campaign = next(s for s in election["stages"] if s["id"] == "kampanye")
    assert (campaign["position"], campaign["days_total"], campaign["held"]) == ("active", 60, True)


def test_show(cli):
    stage = answer(cli, "show", "pilkada-2024/kampanye", "--on", "2024-09-25")["stage"]
    assert list(stage) == [
        *TREE,
        "name_election", "h_start", "h_end", "day", "days_left", "days_until", "days_since",
        "working_days",
    ]  # fmt: skip
    assert (stage["day"], stage["days_left"], stage["h_start"]) == (1, 59, -63)


def test_check_active(cli):
    data = answer(
        cli, "check", "--active", "kampanye", "-e", "pilkada-2024", "--on", "2024-09-24", code=1
    )
    assert list(data) == ["schema", "date", "ok", "question", "stage"]
    assert list(data["stage"]) == [
        *STAGE, "position", "day", "days_total", "days_left", "days_until", "days_since"
    ]  # fmt: skip
    assert (data["ok"], data["question"], data["stage"]["days_until"]) == (False, "active", 1)


def test_check_within(cli):
    data = answer(cli, "check", "--within", "7", "-e", "pilkada-2024", "--on", "2024-09-18", code=1)
    assert list(data) == ["schema", "date", "ok", "question", "days", "events"]
    assert data["events"] and all(
        list(e) == [*STAGE, "date", "event", "h", "days_until"] for e in data["events"]
    )
    start = next(e for e in data["events"] if e["path"] == "kampanye")
    assert (start["event"], start["date"], start["days_until"]) == ("start", "2024-09-25", 7)


def test_hitung_shift_span_and_date(cli):
    shift = answer(cli, "hitung", "2024-11-27", "-", "3", "hari", "kerja")
    assert list(shift) == [
        "schema", "kind", "expression", "election", "from", "count", "unit", "result", "days_off", "holidays"
    ]  # fmt: skip
    assert list(shift["from"]) == DAY and list(shift["result"]) == DAY
    assert shift["result"]["date"] == "2024-11-22"
    span = answer(cli, "hitung", "2024-09-25", "..", "2024-11-23")
    assert list(span) == [
        "schema", "kind", "expression", "election", "first", "last", "days", "working_days",
        "days_off", "holidays",
    ]  # fmt: skip
    assert span["days"] == 60
    one = answer(cli, "hitung", "H-30", "-e", "pilkada-2024")
    assert list(one) == ["schema", "kind", "expression", "election", "date", "holidays"]
    assert one["holidays"]["package"] == "holidays" and one["holidays"]["decrees_until"] >= 2027
    assert one["date"]["date"] == "2024-10-28"


def test_pace(cli):
    data = answer(
        cli, "pace", "kampanye", "-e", "pilkada-2024", "--done", "50", "--on", "2024-10-20"
    )
    assert list(data) == [
        "schema", "date", "election", "path", "name", "name_en", "start", "end", "projected",
        "date_source", "counting", "done", "elapsed", "total", "expected", "gap_points", "gap_days", "verdict",
        "ok", "projected_end", "margin_days",
    ]  # fmt: skip
    assert (data["elapsed"], data["total"], data["ok"]) == (26, 60, True)


def test_validate(cli, tmp_path):
    data = answer(cli, "validate", str(REPO / "data" / "stages.toml"))
    # case_files (a cases file's cases and chains) and the English of problems were added within
    # schema 1
    assert list(data) == [
        "schema", "ok", "files", "problems", "problems_en", "unreadable", "unreadable_en",
        "case_files",
    ]  # fmt: skip
    assert data["case_files"] == []
    assert list(data["files"][0]) == ["path", "elections", "stages"]
    missing = answer(cli, "validate", str(tmp_path / "none.toml"), code=2)
    assert missing["unreadable"] and not missing["ok"]
    assert missing["unreadable"] == [f"{tmp_path / 'none.toml'}: berkas tidak ditemukan"]
    assert missing["unreadable_en"] == [f"{tmp_path / 'none.toml'}: no such file"]


@pytest.mark.parametrize("query", ["kediri", "tidak-ada-wilayah-ini"])
def test_regions(cli, query):
    found = query == "kediri"
    data = answer(cli, "regions", query, code=0 if found else 1)
    assert list(data) == ["schema", "regions"]
    if found:
        assert [r["code"] for r in data["regions"]] == ["35.06", "35.71"]
        assert set(data["regions"][0]) <= {
            "id", "code", "kind", "name", "name_en", "parent", "timezone", "aliases"
        }  # fmt: skip
    else:
        assert data["regions"] == []
