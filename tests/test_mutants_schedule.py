"""Rules of the schedule files that a mutant broke unnoticed (docs/testing.md): a date changed by a
user's file needs both a basis and a confidence, a local holiday does not move a date the whole
election shares, `validate` counts one problem in the singular; and what `show`, `check` and
`data rollback` answer where no other test looked."""

from __future__ import annotations

import json

import pytest

from conftest import LATIHAN
from test_data_update import Server, schedule

CHANGED_COKLIT = """\
schema = 1

[[elections]]
id = "pemilu-2024"

[[elections.stages]]
id = "coklit"
end = 2023-03-20
"""


@pytest.mark.parametrize(
    "sources",
    [
        "",
        'basis = "Keputusan KPU Kabupaten (contoh)"\n',  # a basis alone
        'confidence = "P"\n',  # a confidence alone
    ],
    ids=["neither", "basis-only", "confidence-only"],
)
def test_a_changed_shipped_date_needs_both_basis_and_confidence(cli, tmp_path, sources):
    own = tmp_path / "kantor.toml"
    own.write_text(CHANGED_COKLIT + sources, encoding="utf-8")
    result = cli("show", "coklit", "-e", "pemilu-2024", "--data", str(own), "--lang", "en")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "tahapan: file cannot be used (1 problem):\n"
        f"{own}:8: pemilu-2024/pemutakhiran-data-pemilih/coklit: end is changed without a basis "
        "of its own: add basis and confidence in the same table\n",
    )


def test_a_changed_shipped_date_with_both_is_official(cli, tmp_path):
    own = tmp_path / "kantor.toml"
    own.write_text(
        CHANGED_COKLIT + 'basis = "SK KPU Kabupaten"\nconfidence = "P"\n', encoding="utf-8"
    )
    result = cli("show", "coklit", "-e", "pemilu-2024", "--data", str(own), "--json")
    assert result.exit_code == 0, result.output
    stage = json.loads(result.stdout)["stage"]
    assert (stage["end"], stage["basis"], stage["confidence"], stage["date_source"]) == (
        "2023-03-20",
        "SK KPU Kabupaten",
        "P",
        "official",
    )


#: an election of the user's own: the tally ends two working days after voting day (Wednesday
#: 14 February 2024), which is Friday the 16th unless that day is off
RULE = """\
schema = 1

[[elections]]
id = "uji"
name = "Uji"
name_en = "Test"
voting_day = 2024-02-14
basis = "Catatan kantor"
{holiday}
[[elections.stages]]
id = "pemungutan-suara"
name = "Pemungutan suara"
name_en = "Voting"
start = 2024-02-14
end = 2024-02-14
basis = "uji"
confidence = "D"

[[elections.stages]]
id = "rekap"
name = "Rekapitulasi"
name_en = "Tally"
start = {{ after = "pemungutan-suara", days = 1 }}
end = {{ after = "pemungutan-suara", working_days = 2 }}
basis = "uji"
confidence = "D"
"""

HOLIDAY = '\n[[elections.holidays]]\ndate = 2024-02-16\nname = "Hari jadi"\n{regions}\n'


@pytest.mark.parametrize(
    ("holiday", "region", "end"),
    [
        ("", None, "2024-02-16"),
        # a local holiday does not move a date the whole election shares, wherever one looks from
        (HOLIDAY.format(regions='regions = ["kabupaten-bangka"]'), None, "2024-02-16"),
        (
            HOLIDAY.format(regions='regions = ["kabupaten-bangka"]'),
            "kabupaten-bangka",
            "2024-02-16",
        ),
        # one that the whole election keeps does: Friday is off, the count ends on Monday
        (HOLIDAY.format(regions=""), None, "2024-02-19"),
    ],
    ids=["no-holiday", "local", "local-seen-from-its-region", "election-wide"],
)
def test_only_an_election_wide_holiday_moves_a_working_day_rule(
    cli, tmp_path, holiday, region, end
):
    own = tmp_path / "uji.toml"
    own.write_text(RULE.format(holiday=holiday), encoding="utf-8")
    where = ("-r", region) if region else ()
    result = cli("show", "rekap", "-e", "uji", "--data", str(own), *where, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["stage"]["end"] == end


@pytest.mark.parametrize(
    ("breakage", "last_line"),
    [
        ({'confidence = "P"': 'confidence = "pasti"'}, "1 problem found"),
        (
            {'confidence = "P"': 'confidence = "pasti"', "end = 2025-01-12": 'end = "12 Jan"'},
            "2 problems found",
        ),
    ],
)
def test_validate_counts_one_problem_in_the_singular(cli, tmp_path, breakage, last_line):
    text = LATIHAN
    for old, new in breakage.items():
        text = text.replace(old, new)
    path = tmp_path / "jadwal.toml"
    path.write_text(text, encoding="utf-8")
    result = cli("validate", str(path), "--lang", "en")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == last_line
    assert len(result.stdout.splitlines()) == 1 + len(breakage)


def test_show_counts_the_working_days_of_a_stage_counted_in_working_days(cli, tmp_path):
    own = tmp_path / "uji.toml"
    own.write_text(
        RULE.format(holiday="")
        .replace('confidence = "D"\n', 'confidence = "D"\ncounting = "working"\n')
        # Friday 6 to Wednesday 11 December 2024: six days, the weekend between them off
        .replace('{ after = "pemungutan-suara", days = 1 }', "2024-12-06")
        .replace('{ after = "pemungutan-suara", working_days = 2 }', "2024-12-11"),
        encoding="utf-8",
    )
    result = cli("show", "rekap", "-e", "uji", "--data", str(own), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["stage"]["working_days"] == 4
    words = cli("show", "rekap", "-e", "uji", "--data", str(own), "--lang", "en")
    assert "6 Dec – 11 Dec 2024  (6 days), 4 working days" in words.stdout


def test_show_of_a_derived_stage_says_how_and_where_it_stands(cli, tmp_path):
    own = tmp_path / "uji.toml"
    own.write_text(RULE.format(holiday=""), encoding="utf-8")
    words = cli("show", "rekap", "-e", "uji", "--data", str(own), "--lang", "en").stdout
    assert "End derived    2 working days after pemungutan-suara ends (14 Feb 2024)" in words
    assert "Start derived  1 day after pemungutan-suara ends (14 Feb 2024)" in words
    # on 29 November 2023 the tally is 78 days ahead: no day of it, none left, none since
    stage = json.loads(cli("show", "rekap", "-e", "uji", "--data", str(own), "--json").stdout)[
        "stage"
    ]
    assert (stage["day"], stage["days_left"], stage["days_until"], stage["days_since"]) == (
        None,
        None,
        78,
        None,
    )


def test_show_of_a_finished_series_is_its_last_held_occurrence(cli, tmp_path):
    # six Mondays from 7 December 2026; the 28th moved to the 29th, 4 January not held
    from test_recurrence import OFFICE

    office = tmp_path / "kantor.toml"
    office.write_text(OFFICE.replace("BYDAY=MO", "BYDAY=MO;COUNT=6"), encoding="utf-8")
    result = cli("show", "pleno-mingguan", "--data", str(office), "--on", "2035-01-01", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["stage"]["occurrence"] == "2027-01-11"


def test_rolling_back_a_source_never_installed_names_those_that_are(cli, monkeypatch):
    for name in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    server = Server()
    try:
        url = server.serve("/stages.toml", schedule("2027-01-10", "2024-11-20"))
        assert cli("data", "update", url).exit_code == 0
    finally:
        server.close()
    result = cli("data", "rollback", "https://kpu.example/lain.toml", "--lang", "en")
    assert (result.exit_code, result.stderr) == (
        2,
        f"tahapan: unknown source: https://kpu.example/lain.toml\n  Installed sources: {url}\n",
    )


def test_a_projection_that_leaves_the_calendar_is_refused_in_english_too(cli, tmp_path):
    own = tmp_path / "jadwal.toml"
    args = ("election", "add", "pemilu-9999", "--like", "pemilu-2024", "--name", "Pemilu 9999")
    result = cli(*args, "--voting-day", "9999-06-01", "--file", str(own), "--lang", "en")
    assert (result.exit_code, result.stderr) == (
        2,
        "tahapan: voting day 9999-06-01 is too far out: the stages of pemilu-2024 do not fit in "
        "the calendar before or after it\n  Give a date between the years 2 and 9998.\n",
    )
    assert not own.exists()


def test_check_changes_alone_answers_only_about_changes(cli):
    # no window was asked for: no days, no events, whatever runs or starts today
    result = cli("check", "--changes", "--json")
    assert result.exit_code == 0, result.output
    assert set(json.loads(result.stdout)) == {
        "schema", "date", "ok", "question", "changes_first_look", "baseline_lost", "changes",
    }  # fmt: skip
