"""Relative dates in schedule files and working days, checked on official figures."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tahapan.days.workdays import WorkCalendar
from tahapan.errors import DataError
from tahapan.i18n import said, set_language
from tahapan.model import Holiday
from tahapan.schedule.load import load_catalog

HEAD = """\
schema = 1

[[elections]]
id = "uji"
name = "Uji"
name_en = "Test"
voting_day = 2024-02-14
basis = "Catatan kantor"
"""


def stage(ident: str, **dates: str) -> str:
    lines = [f"{key} = {value}" for key, value in dates.items()]
    return (
        f'\n[[elections.stages]]\nid = "{ident}"\nname = "{ident}"\nname_en = "{ident}"\n'
        + "\n".join(lines)
        + '\nbasis = "uji"\nconfidence = "D"\n'
    )


def load(tmp_path: Path, *stages: str, extra: str = "") -> dict[str, tuple[date | None, date]]:
    path = tmp_path / "uji.toml"
    path.write_text(HEAD + extra + "".join(stages), encoding="utf-8")
    election = load_catalog([path], include_shipped=False).elections[0]
    return {p: (s.start, s.end) for p, s in election.walk()}


def problems(tmp_path: Path, *stages: str) -> list[str]:
    path = tmp_path / "uji.toml"
    path.write_text(HEAD + "".join(stages), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_catalog([path], include_shipped=False)
    return [p.replace(str(path), "FILE") for p in [said(p) for p in caught.value.problems]]


def test_official_figures_from_voting_day(tmp_path):
    dates = load(
        tmp_path,
        stage("pemungutan-suara", start="2024-02-14", end="2024-02-14"),
        # the legal deadline for the national result: voting day + 35 days
        stage("penetapan-hasil", end='{ after = "pemungutan-suara", days = 35 }'),
        stage("dptb-h30", start="{ h = -30 }", end="{ h = -7 }"),
        stage("logistik", start='{ before = "pemungutan-suara", days = 7 }', end="{ h = -1 }"),
    )
    assert dates["penetapan-hasil"] == (None, date(2024, 3, 20))
    assert dates["dptb-h30"] == (date(2024, 1, 15), date(2024, 2, 7))
    assert dates["logistik"] == (date(2024, 2, 7), date(2024, 2, 13))


def test_rules_may_chain_and_reach_into_sub_stages(tmp_path):
    dates = load(
        tmp_path,
        stage("c", start='{ after = "a/b", days = 1 }', end='{ after = "a", days = 5 }'),
        stage("a", start="2024-03-01", end="2024-03-31")
        + '\n[[elections.stages.stages]]\nid = "b"\nname = "b"\nname_en = "b"\n'
        'start = { h = 20 }\nend = { after = "a", days = 0 }\nbasis = "uji"\nconfidence = "D"\n',
    )
    assert dates["a/b"] == (date(2024, 3, 5), date(2024, 3, 31))
    assert dates["c"] == (date(2024, 4, 1), date(2024, 4, 5))


def test_working_days_skip_idul_fitri_2024_and_cuti_bersama(tmp_path):
    # Friday 5 April 2024; then a weekend, cuti bersama 8, 9, 12, 15 April and Idul Fitri 10-11 April
    dates = load(
        tmp_path,
        stage("putusan", start="2024-04-05", end="2024-04-05"),
        stage(
            "gugatan",
            start='{ after = "putusan", days = 1 }',
            end='{ after = "putusan", working_days = 3 }',
        ),
    )
    assert dates["gugatan"] == (date(2024, 4, 6), date(2024, 4, 18))


def test_a_files_own_holiday_is_not_a_working_day(tmp_path):
    extra = '\n[[elections.holidays]]\ndate = 2025-08-27\nname = "Libur pemungutan suara Pangkalpinang"\n'
    head_2025 = stage("rekap", start="2025-08-26", end='{ after = "rekap", working_days = 1 }')
    with pytest.raises(DataError):
        load(tmp_path, head_2025, extra=extra)  # a rule on its own stage's end is a cycle
    dates = load(
        tmp_path,
        stage("hari-h", start="2025-08-26", end="2025-08-26"),
        stage("rekap", start="2025-08-26", end='{ after = "hari-h", working_days = 1 }'),
        extra=extra,
    )
    assert dates["rekap"] == (date(2025, 8, 26), date(2025, 8, 28))


def test_unknown_reference_names_the_stage_and_line(tmp_path):
    found = problems(tmp_path, stage("x", end='{ after = "penetapan-hasl", days = 3 }'))
    assert found == [
        "FILE:14: uji/x: 'penetapan-hasl' bukan tahapan uji; "
        "pakai ID atau jalur tahapan (misalnya kampanye/rapat-umum)"
    ]


def test_a_cycle_is_reported_once_with_its_path(tmp_path):
    set_language("en")
    found = problems(
        tmp_path,
        stage("a", start='{ after = "b", days = 1 }', end="2024-05-01"),
        stage("b", start="2024-04-01", end='{ before = "a", days = 1 }'),
    )
    assert found == ["FILE:14: uji/a: relative dates form a cycle: a.start → b.end → a.start"]


def test_a_rule_counting_from_an_unknown_start_is_refused(tmp_path):
    set_language("en")
    found = problems(
        tmp_path,
        stage("a", end="2024-05-01"),
        stage("b", start='{ before = "a", days = 2 }', end="2024-05-01"),
    )
    assert found == ["FILE:22: uji/b: 'a' has no start date, so start cannot be counted from it"]


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (
            '{ after = "a", days = 3, h = 2 }',
            "end: give exactly one of after, before or h, e.g. "
            '{ after = "penetapan-hasil", working_days = 3 }, { before = "pemungutan-suara", days = 7 }, { h = -30 }',
        ),
        (
            "{ h = -3, days = 2 }",
            "end: h already counts calendar days from voting day; leave out days/working_days",
        ),
        (
            '{ after = "a" }',
            "end: give exactly one of days or working_days, e.g. "
            '{ after = "penetapan-hasil", working_days = 3 }, { before = "pemungutan-suara", days = 7 }, { h = -30 }',
        ),
        ('{ after = "a", days = -3 }', "end.days (-3): Input should be greater than or equal to 0"),
        (
            '{ afer = "a", days = 3 }',
            'unknown key "afer"; did you mean "after"? Accepted keys: after, before, days, h, working_days',
        ),
    ],
)
def test_malformed_rules_point_at_the_line_and_say_what_is_accepted(tmp_path, rule, message):
    set_language("en")
    found = problems(tmp_path, stage("a", start="2024-01-01", end=rule))
    assert found[0] == f"FILE:15: uji/a: {message}"


def test_show_tells_how_a_date_was_derived(cli):
    result = cli("show", "masa-tenang", "-e", "pemilihan-ulang-2025", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "H-3: 3 days before voting day (27 Aug 2025)" in result.stdout
    assert "H-1: 1 day before voting day (27 Aug 2025)" in result.stdout
    data = cli("show", "masa-tenang", "-e", "pemilihan-ulang-2025", "--json").stdout
    assert '"start_rule": {\n      "h": -3,\n      "from": "2025-08-27"\n    }' in data


def test_shipped_rules_give_the_fact_sheet_dates():
    election = {e.id: e for e in load_catalog().elections}["pemilihan-ulang-2025"]
    quiet = next(s for p, s in election.walk() if p == "masa-tenang")
    assert (quiet.start, quiet.end) == (date(2025, 8, 24), date(2025, 8, 26))


class TestWorkCalendar:
    cal = WorkCalendar()

    def test_days_off_and_their_kinds(self):
        set_language("id")
        closed = self.cal.closed_between(date(2024, 4, 6), date(2024, 4, 15))
        kinds = {c.day.isoformat(): c.kind for c in closed}
        assert kinds == {
            "2024-04-06": "weekend",
            "2024-04-07": "weekend",
            "2024-04-08": "cuti",
            "2024-04-09": "cuti",
            "2024-04-10": "public",
            "2024-04-11": "public",
            "2024-04-12": "cuti",
            "2024-04-13": "weekend",
            "2024-04-14": "weekend",
            "2024-04-15": "cuti",
        }
        # names come from the holidays package in the output language; its wording may change
        assert all("Idul Fitri" in c.name for c in closed if c.kind != "weekend")
        assert closed[0].name == "akhir pekan"

    def test_both_election_days_are_holidays(self):
        assert self.cal.closed(date(2024, 2, 14)).kind == "public"
        assert self.cal.closed(date(2024, 11, 27)).kind == "public"

    def test_shift_and_count_agree(self):
        start = date(2024, 4, 5)
        for n in range(1, 30):
            end = self.cal.shift(start, n)
            assert self.cal.count(start + timedelta(days=1), end) == n
            assert self.cal.shift(end, -n) == start

    def test_nth_working_counts_the_first_day(self):
        assert self.cal.nth_working(date(2024, 4, 5), 1) == date(2024, 4, 5)
        assert self.cal.nth_working(date(2024, 4, 6), 1) == date(2024, 4, 16)

    def test_local_holiday_overrides(self):
        cal = WorkCalendar([Holiday(date=date(2025, 8, 27), name="Libur lokal")])
        assert cal.closed(date(2025, 8, 27)).kind == "local"
        assert cal.count(date(2025, 8, 25), date(2025, 8, 29)) == 4
