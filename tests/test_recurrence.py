"""Repeating stages (`repeat`, an RFC 5545 rule): the occurrences every view sees, the rule iCalendar
keeps, instances that move or cancel an occurrence, and the checks `validate` makes."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from tahapan.model import Instance, Stage
from tahapan.schedule import recurrence

OFFICE = """\
schema = 1

[[elections]]
id = "kantor"
name = "Agenda KPU Kota Kediri"
name_en = "KPU Kota Kediri agenda"
kind = "programme"
basis = "Keputusan Ketua KPU Kota Kediri"

[[elections.stages]]
id = "pleno-mingguan"
name = "Rapat pleno mingguan"
name_en = "Weekly plenary"
start = 2026-12-07
end = 2026-12-07
repeat = "FREQ=WEEKLY;BYDAY=MO"
basis = "Keputusan Ketua KPU Kota Kediri"
confidence = "P"

[[elections.stages.instances]]
of = 2026-12-28
start = 2026-12-29
end = 2026-12-29
basis = "Undangan rapat 20 Desember 2026"
confidence = "P"

[[elections.stages.instances]]
of = 2027-01-04
held = false
basis = "Libur tahun baru"
confidence = "P"
"""


def stage(rule: str, first: date, days: int = 1, **kw) -> Stage:
    return Stage(
        id="s", name="S", name_en="S", start=first, end=first + timedelta(days=days - 1),
        basis="b", confidence="P", repeat=rule, **kw,
    )  # fmt: skip


def naive(rule: str, first: date, lo: date, hi: date, days: int = 1) -> list[date]:
    """Every occurrence from the first, overlapping lo..hi: what the fast path must agree with."""
    out = []
    for found in rrulestr(rule, dtstart=datetime.combine(first, time())):
        day = found.date()
        if day > hi:
            break
        if day + timedelta(days=days - 1) >= lo:
            out.append(day)
    return out


RULES = [
    ("FREQ=DAILY", date(2026, 1, 1)),
    ("FREQ=DAILY;INTERVAL=3", date(2026, 1, 30)),
    ("FREQ=WEEKLY;BYDAY=MO", date(2026, 12, 7)),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,FR", date(2026, 12, 8)),
    ("FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=SU,SA", date(2026, 12, 12)),
    ("FREQ=MONTHLY", date(2026, 1, 31)),  # months without a 31st are skipped
    ("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=2", date(2026, 1, 2)),
    ("FREQ=MONTHLY;BYMONTH=4,7,10,12;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=2", date(2026, 4, 2)),
    ("FREQ=MONTHLY;BYDAY=-1FR", date(2026, 1, 30)),
    ("FREQ=YEARLY", date(2028, 2, 29)),  # leap days only
    ("FREQ=YEARLY;INTERVAL=5;BYMONTH=2;BYMONTHDAY=14", date(2029, 2, 14)),
    # a yearly rule whose BY parts say when: dateutil takes no month or day from the start
    ("FREQ=YEARLY;BYMONTHDAY=15", date(2026, 1, 15)),
    ("FREQ=YEARLY;BYDAY=MO", date(2026, 1, 5)),
    ("FREQ=YEARLY;BYDAY=20MO", date(2026, 5, 18)),
    ("FREQ=YEARLY;INTERVAL=3", date(2022, 1, 10)),
]


@pytest.mark.parametrize(("rule", "first"), RULES)
@pytest.mark.parametrize("years", [0, 1, 7, 40])
def test_occurrences_agree_with_iterating_from_the_first(rule, first, years):
    lo = first + timedelta(days=365 * years + 17)
    hi = lo + timedelta(days=400)
    for days in (1, 3):
        s = stage(rule, first, days)
        assert recurrence.starts(s, lo, hi) == naive(rule, first, lo, hi, days), (rule, lo)


@settings(max_examples=60, deadline=None)
@given(
    pick=st.sampled_from(RULES),
    offset=st.integers(min_value=0, max_value=365 * 60),
    width=st.integers(min_value=0, max_value=120),
    days=st.integers(min_value=1, max_value=40),
)
def test_any_window_gives_the_same_occurrences_as_iterating(pick, offset, width, days):
    rule, first = pick
    lo = first + timedelta(days=offset)
    hi = lo + timedelta(days=width)
    assert recurrence.starts(stage(rule, first, days), lo, hi) == naive(rule, first, lo, hi, days)


def test_month_and_year_ends():
    monthly = stage("FREQ=MONTHLY", date(2026, 1, 31))
    got = recurrence.starts(monthly, date(2026, 1, 1), date(2026, 12, 31))
    assert got == [date(2026, m, 31) for m in (1, 3, 5, 7, 8, 10, 12)]
    across = stage("FREQ=WEEKLY;BYDAY=TH", date(2026, 12, 24), days=3)  # Thu..Sat
    occ = recurrence.occurrences(across, date(2026, 12, 30), date(2027, 1, 2))
    assert [(o.start, o.end) for o in occ] == [
        (date(2026, 12, 31), date(2027, 1, 2)),
    ]
    # an occurrence that started before the window but still runs in it is there
    occ = recurrence.occurrences(across, date(2027, 1, 2), date(2027, 1, 2))
    assert [(o.start, o.end, o.occurrence) for o in occ] == [
        (date(2026, 12, 31), date(2027, 1, 2), date(2026, 12, 31))
    ]


def test_a_rule_that_runs_into_the_year_9999_stops_at_its_last_day():
    s = stage("FREQ=DAILY", date(9999, 12, 28), days=2)
    occ = recurrence.occurrences(s, date(9999, 12, 1), date.max)
    # 9999-12-31 would end on 10000-01-01, which no calendar holds
    assert [(o.start, o.end) for o in occ] == [
        (date(9999, 12, 28), date(9999, 12, 29)),
        (date(9999, 12, 29), date(9999, 12, 30)),
        (date(9999, 12, 30), date(9999, 12, 31)),
    ]
    assert recurrence.around(date(9999, 12, 31))[1] == date.max


def test_an_unbounded_daily_rule_far_from_its_start_gives_the_days_asked_for():
    s = stage("FREQ=DAILY", date(2026, 1, 1))
    occ = recurrence.occurrences(s, date(8000, 3, 1), date(8000, 3, 3))
    assert [o.start for o in occ] == [date(8000, 3, d) for d in (1, 2, 3)]
    assert occ[0].id == "s-8000-03-01"


def test_dated_and_cancelled_instances_take_their_occurrences_place():
    s = replace(
        stage("FREQ=WEEKLY;BYDAY=MO", date(2026, 12, 7), projected=True),
        instances=(
            Instance(of=date(2026, 12, 28), start=date(2026, 12, 29), end=date(2026, 12, 29),
                     basis="Undangan", confidence="P"),
            Instance(of=date(2027, 1, 4), held=False, basis="Libur", confidence="P"),
        ),
    )  # fmt: skip
    occ = recurrence.occurrences(s, date(2026, 12, 20), date(2027, 1, 12))
    seen = [(o.start, o.held, o.projected, o.basis) for o in occ]
    assert seen == [
        (date(2026, 12, 21), True, True, "b"),
        (date(2026, 12, 29), True, False, "Undangan"),  # from a source: no estimate
        (date(2027, 1, 4), False, True, "Libur"),
        (date(2027, 1, 11), True, True, "b"),
    ]
    # moved into a window whose rule occurrence lies outside it
    s2 = replace(s, instances=(Instance(of=date(2026, 12, 28), start=date(2027, 1, 6),
                                        end=date(2027, 1, 6), basis="x", confidence="P"),))  # fmt: skip
    occ = recurrence.occurrences(s2, date(2027, 1, 5), date(2027, 1, 7))
    assert [(o.start, o.occurrence) for o in occ] == [(date(2027, 1, 6), date(2026, 12, 28))]
    # a window of its one day, at either edge
    for day in (date(2027, 1, 6),):
        assert [o.start for o in recurrence.occurrences(s2, day, day)] == [day]
    assert recurrence.occurrences(s2, date(2027, 1, 7), date(2027, 1, 9)) == []


@pytest.fixture
def office(tmp_path):
    path = tmp_path / "kantor.toml"
    path.write_text(OFFICE, encoding="utf-8")
    return path


def test_every_view_sees_the_occurrences(cli, office, monkeypatch):
    monkeypatch.setenv("TAHAPAN_NOW", "2026-12-21T09:00:00+07:00")
    status = cli("status", "--data", str(office), "-e", "kantor", "--json")
    body = json.loads(status.stdout)
    assert [a["id"] for a in body["active"]] == ["pleno-mingguan-2026-12-21"]
    # the next occurrence is the moved one, once (not a row for every week)
    assert [(u["start"], u["series"]) for u in body["upcoming"]] == [
        ("2026-12-29", "pleno-mingguan")
    ]
    within = cli("check", "--data", str(office), "--within", "21", "-e", "kantor")
    assert within.exit_code == 1
    days = [line.split("\t")[0] for line in within.stdout.splitlines()]
    # 4 January 2027 was not held
    assert days == ["2026-12-21", "2026-12-29", "2027-01-11"]
    show = cli("show", "pleno-mingguan", "--data", str(office), "--json", "--on", "2026-12-24")
    assert json.loads(show.stdout)["stage"]["start"] == "2026-12-29"
    listed = cli("list", "--data", str(office), "-e", "kantor", "--json")
    starts = [s["start"] for s in json.loads(listed.stdout)["elections"][0]["stages"]]
    assert starts[:4] == ["2026-12-07", "2026-12-14", "2026-12-21", "2026-12-29"]
    grid = cli(
        "calendar", "--data", str(office), "-e", "kantor", "-f", "json", "--month", "2027-01"
    )
    marks = json.loads(grid.stdout)["stages"]
    # 4 January was not held: the grid has no mark on it
    assert sorted(m["start"] for m in marks) == ["2027-01-11", "2027-01-18", "2027-01-25"]


def test_icalendar_keeps_the_rule_and_khal_expands_it(cli, office, tmp_path, monkeypatch):
    from test_ics_client import KHAL, khal, khal_setup

    monkeypatch.setenv("TAHAPAN_NOW", "2026-12-06T09:00:00+07:00")
    out = tmp_path / "kantor.ics"
    done = cli("calendar", "--data", str(office), "-e", "kantor", "-f", "ics", "-o", str(out))
    assert done.exit_code == 0, done.output
    text = out.read_bytes().decode("utf-8")
    assert text.count("BEGIN:VEVENT") == 2  # the series and its one moved occurrence
    assert "RRULE:FREQ=WEEKLY;BYDAY=MO\r\n" in text
    assert "EXDATE;VALUE=DATE:20270104\r\n" in text
    assert "RECURRENCE-ID;VALUE=DATE:20261228\r\n" in text
    assert text.count("UID:kantor.pleno-mingguan@tahapan.invalid") == 2
    if KHAL is None:
        pytest.skip("khal is not installed here")
    config, _ = khal_setup(tmp_path)
    khal(config, "import", "--batch", str(out))
    shown = khal(config, "list", "--day-format", "", "--format", "{start-date}",
                 "2026-12-01", "2027-01-20")  # fmt: skip
    assert shown.split() == [
        "2026-12-07", "2026-12-14", "2026-12-21", "2026-12-29", "2027-01-11", "2027-01-18",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ('repeat = "FREQ=HOURLY"', "FREQ harus salah satu dari DAILY, WEEKLY, MONTHLY, YEARLY"),
        ('repeat = "FREQ=WEEKLY;BYDAY=TU"', "start 2026-12-07 tidak sesuai dengan aturan ini"),
        (
            'repeat = "FREQ=DAILY;COUNT=999999"',
            "COUNT harus bilangan bulat 1–5000 (tertulis: 999999)",
        ),
        ('repeat = "FREQ=WEEKLY;DTSTART=20261207"', "DTSTART tidak dipakai"),
        ('repeat = "FREQ=DAILY;UNTIL=20270101T000000Z"', "UNTIL: tulis tanggal saja"),
        ('repeat = "FREQ=WEEKLY;BYDAY=XX"', "BYDAY 'XX' bukan hari seperti MO, 2TU atau -1FR"),
        # dateutil would loop forever on INTERVAL=0 and crash on -1
        ('repeat = "FREQ=WEEKLY;INTERVAL=0"', "INTERVAL harus bilangan bulat 1–1000 (tertulis: 0)"),
        (
            'repeat = "FREQ=WEEKLY;INTERVAL=-1"',
            "INTERVAL harus bilangan bulat 1–1000 (tertulis: -1)",
        ),
        ('repeat = "FREQ=WEEKLY;FREQ=DAILY"', "FREQ ditulis dua kali"),
        (
            'repeat = "FREQ=WEEKLY;COUNT=3;UNTIL=20270101"',
            "COUNT dan UNTIL tidak boleh dipakai bersamaan",
        ),
        ('repeat = "FREQ=WEEKLY;BYDAY=53MO"', "hari bernomor hanya untuk FREQ=MONTHLY"),
        (
            'repeat = "FREQ=MONTHLY;BYMONTHDAY=0"',
            "BYMONTHDAY harus bilangan bulat 1–31 (tertulis: 0)",
        ),
        ('repeat = "FREQ=MONTHLY;BYMONTHDAY=-32"', "(tertulis: -32)"),
        ('repeat = "FREQ=YEARLY;BYMONTH=13"', "BYMONTH harus bilangan bulat 1–12 (tertulis: 13)"),
        ('repeat = "FREQ=WEEKLY;BYWEEKNO=3"', "BYWEEKNO tidak berlaku untuk FREQ=WEEKLY"),
        ('repeat = "FREQ=WEEKLY;BYEASTER=1"', "bagian BYEASTER tidak dikenal"),
        ('repeat = "FREQ=WEEKLY;UNTIL=2027"', "UNTIL 2027 bukan tanggal"),
    ],
)
def test_validate_names_the_line_and_what_is_accepted(cli, tmp_path, line, words):
    bad = tmp_path / "salah.toml"
    bad.write_text(OFFICE.replace('repeat = "FREQ=WEEKLY;BYDAY=MO"', line), encoding="utf-8")
    done = cli("validate", str(bad))
    assert done.exit_code == 1  # validate: 1 = problems found
    number = OFFICE.splitlines().index('repeat = "FREQ=WEEKLY;BYDAY=MO"') + 1
    assert f"{bad}:{number}:" in done.stdout and words in done.stdout, done.stdout


def test_validate_refuses_an_instance_the_rule_never_gives(cli, tmp_path):
    bad = tmp_path / "salah.toml"
    bad.write_text(OFFICE.replace("of = 2026-12-28", "of = 2026-12-30"), encoding="utf-8")
    done = cli("validate", str(bad))
    assert done.exit_code == 1  # validate: 1 = problems found
    assert "instances: 2026-12-30 bukan hari pelaksanaan menurut aturan repeat" in done.stdout


def test_the_installed_command_shows_a_weekly_plenary(run, office):
    done = run("status", "--data", str(office), "-e", "kantor", "--on", "2026-12-28",
               env={"TAHAPAN_NOW": "2026-12-28T08:00:00+07:00"})  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Rapat pleno mingguan" in done.stdout and "29 Des 2026" in done.stdout
    assert not re.search(r"H[-+]\d", done.stdout)  # a programme has no H


def test_a_stage_repeating_daily_is_one_row_in_status(cli, tmp_path, monkeypatch):
    daily = tmp_path / "coklit.toml"
    daily.write_text(
        OFFICE.replace('repeat = "FREQ=WEEKLY;BYDAY=MO"', 'repeat = "FREQ=DAILY"').split(
            "[[elections.stages.instances]]"
        )[0],
        encoding="utf-8",
    )
    monkeypatch.setenv("TAHAPAN_NOW", "2030-06-01T09:00:00+07:00")
    body = json.loads(cli("status", "--data", str(daily), "-e", "kantor", "--json").stdout)
    assert [a["start"] for a in body["active"]] == ["2030-06-01"]
    assert [u["start"] for u in body["upcoming"]] == ["2030-06-02"]
    assert [e["end"] for e in body["ended"]] == ["2030-05-31"]


def test_the_occurrence_count_follows_the_window_not_the_rule():
    """Only what the asked window needs is made: a year of a daily rule is 366 stages, not the
    thousands since its start."""
    s = stage("FREQ=DAILY", date(2000, 1, 1))
    assert len(recurrence.occurrences(s, date(2099, 1, 1), date(2099, 12, 31))) == 365


def test_csv_carries_the_rule_and_an_import_gives_it_back(cli, office, tmp_path):
    exported = tmp_path / "kantor.csv"
    done = cli("export", "--data", str(office), "-e", "kantor", "-f", "csv", "-o", str(exported))
    assert done.exit_code == 0, done.stderr
    text = exported.read_text(encoding="utf-8")
    assert text.splitlines()[1].endswith(",FREQ=WEEKLY;BYDAY=MO")
    back = tmp_path / "kembali.toml"
    assert cli("import", str(exported), "-o", str(back)).exit_code == 0
    again = cli("export", "--data", str(back), "-e", "kantor", "-f", "csv").stdout
    assert again == text


def test_a_changed_rule_or_instance_is_a_change_of_dates(cli, office, tmp_path):
    new = tmp_path / "baru.toml"
    new.write_text(
        OFFICE.replace("start = 2026-12-07\nend = 2026-12-07", "start = 2026-12-08\nend = 2026-12-08")
        .replace('repeat = "FREQ=WEEKLY;BYDAY=MO"', 'repeat = "FREQ=WEEKLY;BYDAY=TU"')
        .replace("of = 2026-12-28\nstart = 2026-12-29\nend = 2026-12-29",
                 "of = 2026-12-29\nstart = 2026-12-30\nend = 2026-12-30")
        .replace("of = 2027-01-04", "of = 2027-01-05"),
        encoding="utf-8",
    )  # fmt: skip
    done = cli("changes", str(office), str(new), "--json")
    assert done.exit_code == 1, done.stderr
    [change] = json.loads(done.stdout)["changes"]
    fields = {f["field"]: (f["old"], f["new"]) for f in change["fields"]}
    assert fields["repeat"] == ("FREQ=WEEKLY;BYDAY=MO", "FREQ=WEEKLY;BYDAY=TU")
    assert fields["instances"] == (
        ["2026-12-28: 2026-12-29..2026-12-29", "2027-01-04: -"],
        ["2026-12-29: 2026-12-30..2026-12-30", "2027-01-05: -"],
    )
    assert change["moves_dates"] is True
    text = cli("changes", str(office), str(new)).stdout
    assert "aturan pengulangan: FREQ=WEEKLY;BYDAY=MO → FREQ=WEEKLY;BYDAY=TU" in text


@pytest.mark.parametrize(("zone", "running"), [("WIB", False), ("WITA", False), ("WIT", True)])
def test_today_in_each_zone_and_all_day_events_without_a_zone(
    cli, office, monkeypatch, zone, running
):
    """15:30 UTC on Sunday 20 December is 22:30 WIB, 23:30 WITA and 00:30 WIT on Monday: Indonesia
    keeps no daylight saving, so each zone's shift is fixed, and an occurrence is a whole local day
    (iCalendar all-day dates carry no zone)."""
    monkeypatch.setenv("TAHAPAN_NOW", "2026-12-20T15:30:00Z")  # 22:30 WIB, 23:30 WITA, 00:30 WIT
    body = json.loads(cli("status", "--data", str(office), "-e", "kantor", "--tz", zone,
                          "--json").stdout)  # fmt: skip
    assert [a["start"] for a in body["active"]] == (["2026-12-21"] if running else [])
    ics = cli("calendar", "--data", str(office), "-e", "kantor", "-f", "ics", "--tz", zone).stdout
    assert "TZID" not in ics and "DTSTART;VALUE=DATE:20261207" in ics


@pytest.mark.parametrize(
    ("instance", "words"),
    [
        ("of = 2026-12-28\nheld = false\nbasis = \"x\"\nconfidence = \"P\"\n",
         "instances: 2026-12-28 ditulis dua kali"),
        ("of = 2027-01-11\nheld = false\nstart = 2027-01-12\nend = 2027-01-12\nbasis = \"x\"\n"
         "confidence = \"P\"\n", "pelaksanaan yang batal tidak memiliki start atau end"),
        ("of = 2027-01-11\nbasis = \"x\"\nconfidence = \"P\"\n", "pelaksanaan yang jadi wajib memiliki end"),
    ],
)  # fmt: skip
def test_instances_that_cannot_both_be_true_are_refused(cli, tmp_path, instance, words):
    bad = tmp_path / "salah.toml"
    bad.write_text(OFFICE + "\n[[elections.stages.instances]]\n" + instance, encoding="utf-8")
    done = cli("validate", str(bad))
    assert done.exit_code == 1 and words in done.stdout, done.stdout


def test_show_finds_an_occurrence_however_far(cli, office, monkeypatch):
    monkeypatch.setenv("TAHAPAN_NOW", "2026-12-06T09:00:00+07:00")
    far = json.loads(
        cli("show", "pleno-mingguan-2040-01-02", "--data", str(office), "--json").stdout
    )
    assert (far["stage"]["start"], far["stage"]["series"]) == ("2040-01-02", "pleno-mingguan")
    # the series' own id, long after the asked date's window: the next occurrence
    later = cli("show", "pleno-mingguan", "--data", str(office), "--on", "2090-03-01", "--json")
    assert json.loads(later.stdout)["stage"]["start"] == "2090-03-06"  # a Monday
    missing = cli("show", "pleno-mingguan-2040-01-03", "--data", str(office))  # a Tuesday
    assert missing.exit_code == 2 and "tahapan tidak dikenal" in missing.stderr


def test_list_says_which_days_its_occurrences_cover(cli, office, monkeypatch):
    monkeypatch.setenv("TAHAPAN_NOW", "2026-12-06T09:00:00+07:00")
    body = json.loads(cli("list", "--data", str(office), "-e", "kantor", "--json").stdout)
    assert body["occurrences"] == {
        "from": "2025-12-05",
        "to": "2028-12-06",
        "elections": ["kantor"],
    }
    text = " ".join(cli("list", "--data", str(office), "-e", "kantor").stdout.split())
    assert (
        "Jadwal pelaksanaan kegiatan berulang ditampilkan 5 Des 2025 – 6 Des 2028 (gunakan --on untuk tanggal lain)."
        in text
    )


def test_a_calendar_csv_of_occurrences_imports_as_dated_stages(cli, office, tmp_path, monkeypatch):
    monkeypatch.setenv("TAHAPAN_NOW", "2026-12-06T09:00:00+07:00")
    rows = cli("calendar", "--data", str(office), "-e", "kantor", "-f", "csv", "--month", "2027-01")
    assert rows.exit_code == 0
    lines = rows.stdout.splitlines()
    # a row per occurrence (4 January, not held, too), none repeating a rule
    assert len(lines) == 1 + 4 and all(line.endswith(",") for line in lines[1:])
    source = tmp_path / "kal.csv"
    source.write_text(rows.stdout, encoding="utf-8")
    assert cli("import", str(source), "-o", str(tmp_path / "kal.toml")).exit_code == 0
    assert cli("validate", str(tmp_path / "kal.toml")).exit_code == 0


def test_a_csv_export_names_what_it_leaves_out(cli, office):
    done = cli("export", "--data", str(office), "-e", "kantor", "-f", "csv")
    assert done.exit_code == 0
    assert done.stderr == (
        "tahapan: peringatan: CSV tidak memuat jenis program, jadwal pelaksanaan yang diubah pada "
        "pleno-mingguan (kantor); gunakan -f toml agar semuanya termuat\n"
    )
    assert cli("export", "-e", "pilkada-2024", "-f", "csv").stderr == ""  # nothing is left out


def test_a_calendar_near_the_year_9999_ends_with_the_calendar(cli, office):
    daily = office.read_text(encoding="utf-8").replace('"FREQ=WEEKLY;BYDAY=MO"', '"FREQ=DAILY"')
    office.write_text(daily.split("[[elections.stages.instances]]")[0], encoding="utf-8")
    done = cli("calendar", "--data", str(office), "-e", "kantor", "--on", "9999-12-30")
    assert done.exit_code == 2 and "kalender hanya untuk bulan" in done.stderr


@pytest.mark.parametrize(
    ("rule", "indonesian", "english"),
    [
        ("FREQ=MONTHLY;BYMONTH=4,7,10,12;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=2",
         "bulan April, Juli, Oktober, dan Desember, hari Senin–Jumat ke-2",
         "in April, July, October, and December, the 2nd of Monday–Friday"),
        ("FREQ=MONTHLY;BYMONTH=7,12;BYDAY=WE;BYSETPOS=3", "bulan Juli dan Desember, hari Rabu ke-3",
         "in July and December, the 3rd Wednesday"),
        ("FREQ=WEEKLY;BYDAY=MO", "setiap minggu, hari Senin", "every week, on Monday"),
        ("FREQ=MONTHLY;BYDAY=-1FR", "setiap bulan, hari Jumat terakhir", "every month, on the last Friday"),
        ("FREQ=DAILY;INTERVAL=2;UNTIL=20271231", "setiap 2 hari, sampai 31 Des 2027",
         "every 2 days, until 31 Dec 2027"),
        ("FREQ=YEARLY;BYWEEKNO=3", None, None),  # said as written
    ],
)  # fmt: skip
def test_show_says_a_rule_in_words(rule, indonesian, english):
    from tahapan.i18n import set_language
    from tahapan.render.rule_words import rule_words

    assert rule_words(rule) == indonesian
    set_language("en")
    assert rule_words(rule) == english


def test_show_prints_the_pattern_in_words_and_as_written(cli, office):
    shown = cli("show", "pleno-mingguan", "--data", str(office), "--on", "2026-12-08").stdout
    words = " ".join(shown.replace("│", " ").split())
    assert "Pola setiap minggu, hari Senin (FREQ=WEEKLY;BYDAY=MO); pleno-mingguan" in words


def test_an_instance_moved_alone_is_a_moved_date(cli, office, tmp_path):
    new = tmp_path / "baru.toml"
    new.write_text(OFFICE.replace("start = 2026-12-29\nend = 2026-12-29",
                                  "start = 2026-12-30\nend = 2026-12-30"), encoding="utf-8")  # fmt: skip
    [change] = json.loads(cli("changes", str(office), str(new), "--json").stdout)["changes"]
    assert [f["field"] for f in change["fields"]] == ["instances"]
    assert change["moves_dates"] is True  # what check --changes and SEQUENCE follow


def test_an_occurrence_moved_out_of_the_window_is_not_in_it():
    s = replace(
        stage("FREQ=WEEKLY;BYDAY=MO", date(2026, 12, 7)),
        instances=(Instance(of=date(2026, 12, 28), start=date(2027, 3, 1), end=date(2027, 3, 2),
                            basis="x", confidence="P"),),
    )  # fmt: skip
    december = recurrence.occurrences(s, date(2026, 12, 20), date(2026, 12, 31))
    assert [o.start for o in december] == [date(2026, 12, 21)]
    march = recurrence.occurrences(s, date(2027, 3, 1), date(2027, 3, 1))
    assert [(o.start, o.occurrence) for o in march] == [
        (date(2027, 3, 1), date(2027, 3, 1)),
        (date(2027, 3, 1), date(2026, 12, 28)),  # moved here, and ends a day later
    ]


def test_an_occurrence_not_held_keeps_the_window_its_rule_gave():
    s = replace(
        stage("FREQ=WEEKLY;BYDAY=MO", date(2026, 12, 7), days=2),
        instances=(Instance(of=date(2027, 1, 4), held=False, basis="Libur", confidence="P"),),
    )
    [cancelled] = recurrence.occurrences(s, date(2027, 1, 4), date(2027, 1, 4))
    assert (cancelled.start, cancelled.end, cancelled.held) == (
        date(2027, 1, 4),
        date(2027, 1, 5),
        False,
    )


def _every_three_years(tmp_path):
    """The office file with a plenary every three years from 10 January 2022, no instances."""
    path = tmp_path / "tiga.toml"
    path.write_text(
        OFFICE.replace('repeat = "FREQ=WEEKLY;BYDAY=MO"', 'repeat = "FREQ=YEARLY;INTERVAL=3"')
        .replace("2026-12-07", "2022-01-10")
        .split("[[elections.stages.instances]]")[0],
        encoding="utf-8",
    )
    return path


def test_show_skips_what_was_not_held_and_looks_past_the_window(cli, office, tmp_path):
    # after Monday 28 December (moved to the 29th) comes 4 January, which was not held
    nxt = json.loads(cli("show", "pleno-mingguan", "--data", str(office), "--on", "2026-12-30",
                         "--json").stdout)["stage"]  # fmt: skip
    assert nxt["start"] == "2027-01-11"
    every_three = _every_three_years(tmp_path)
    far = cli("show", "pleno-mingguan", "--data", str(every_three), "--on", "2025-06-01", "--json")
    assert json.loads(far.stdout)["stage"]["start"] == "2028-01-10"  # not the past 2025-01-10
    status = json.loads(cli("status", "--data", str(every_three), "--on", "2025-06-01", "--json",
                            "-e", "kantor").stdout)  # fmt: skip
    assert [u["start"] for u in status["upcoming"]] == ["2028-01-10"]


def test_a_programmes_next_occurrence_however_far(cli, office, tmp_path, monkeypatch):
    monkeypatch.setenv("TAHAPAN_NOW", "2026-12-06T09:00:00+07:00")
    every_three = _every_three_years(tmp_path)
    body = json.loads(cli("status", "--data", str(every_three), "--json").stdout)
    kantor = next(p for p in body["programmes"] if p["id"] == "kantor")
    assert [u["start"] for u in kantor["upcoming"]] == ["2028-01-10"]


def test_a_programme_with_a_voting_day_is_refused(cli, tmp_path):
    bad = tmp_path / "salah.toml"
    bad.write_text(OFFICE.replace('kind = "programme"', 'kind = "programme"\nvoting_day = 2026-12-28'),
                   encoding="utf-8")  # fmt: skip
    done = cli("validate", str(bad))
    assert done.exit_code == 1 and "tidak memiliki hari pemungutan suara" in done.stdout


def test_the_days_cache_is_written_once_a_window_and_keyed_by_version(monkeypatch):
    from tahapan.schedule import occurrence_cache

    writes = []
    monkeypatch.setattr(occurrence_cache, "_save", lambda entries: writes.append(dict(entries)))
    monkeypatch.setattr(occurrence_cache, "_loaded", {})
    s = stage("FREQ=MONTHLY;BYMONTHDAY=3", date(2026, 1, 3))
    assert len(recurrence.starts(s, date(2026, 1, 1), date(2030, 12, 31))) == 60
    assert len(writes) == 1 and len(writes[0]) == 5  # five years, one write
    assert all(key.startswith(f"{occurrence_cache.FORMAT}/") for key in writes[0])
    recurrence.starts(s, date(2027, 1, 1), date(2028, 12, 31))  # all cached: nothing written
    assert len(writes) == 1


def test_khal_updates_a_moved_occurrence_instead_of_adding_one(cli, office, tmp_path, monkeypatch):
    """A phone that imported the weekly plenary, then the file after one Monday moved: the series
    and its one override are replaced, never added beside the old ones."""
    from test_ics_client import KHAL, khal, khal_setup

    if KHAL is None:
        pytest.skip("khal is not installed here")
    monkeypatch.setenv("TAHAPAN_NOW", "2026-12-06T09:00:00+07:00")
    config, _ = khal_setup(tmp_path)

    def shown() -> list[str]:
        ics = tmp_path / "kantor.ics"
        done = cli("calendar", "--data", str(office), "-e", "kantor", "-f", "ics", "-o", str(ics))
        assert done.exit_code == 0, done.stderr
        khal(config, "import", "--batch", str(ics))
        out = khal(config, "list", "--day-format", "", "--format", "{start-date}",
                   "2026-12-01", "2027-01-20")  # fmt: skip
        return out.split()

    assert shown() == ["2026-12-07", "2026-12-14", "2026-12-21", "2026-12-29", "2027-01-11",
                       "2027-01-18"]  # fmt: skip
    # the 21 December plenary moves to Wednesday the 23rd, by an invitation
    office.write_text(
        office.read_text(encoding="utf-8")
        + "\n[[elections.stages.instances]]\nof = 2026-12-21\nstart = 2026-12-23\nend = 2026-12-23\n"
        'basis = "Undangan rapat 15 Desember 2026"\nconfidence = "P"\n',
        encoding="utf-8",
    )
    assert shown() == ["2026-12-07", "2026-12-14", "2026-12-23", "2026-12-29", "2027-01-11",
                       "2027-01-18"]  # fmt: skip
