"""`tahapan kasus` and `hitung --chain`: case deadlines counted step by step, checked on the 2023 and
2024 dispute windows as the officers saw them, and on small chains built for each kind of count."""

from __future__ import annotations

import json
import tomllib
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tahapan.days.workdays import WorkCalendar, holiday_data
from tahapan.reports.case_steps import count_steps
from tahapan.schedule.cases import Case, book_of

#: an office's own chains, as a cases file may hold them: one of each kind of count
CHAINS = """\
schema = 1

[[chains]]
id = "uji"
name = "Rantai uji"
name_en = "Test chain"
event = "Laporan diterima"
basis = "Catatan kantor"
steps = [
    { id = "kaji", name = "Kajian awal", days = 7, basis = "Pasal 1", confidence = "P" },
    { id = "klarifikasi", name = "Klarifikasi", after = "kaji", working_days = 3, basis = "Pasal 2", confidence = "P" },
    { id = "tetap", name = "Penetapan", after = "klarifikasi" },
    { id = "umum", name = "Pengumuman sebelum penetapan", before = "tetap", days = 5, basis = "Pasal 3", confidence = "P" },
    { id = "banding", name = "Banding", after = "klarifikasi", days = 3, basis = "Pasal 4", confidence = "P", optional = true },
    { id = "putus-banding", name = "Putusan banding", after = "banding", working_days = 5, basis = "Pasal 5", confidence = "P" },
]

[[chains]]
id = "jam"
name = "Rantai jam"
event = "Pengumuman"
basis = "Catatan kantor"
steps = [{ id = "aju", name = "Pengajuan", hours = 5, basis = "Pasal 6", confidence = "P" }]

[[chains]]
id = "hk"
name = "Lima hari kerja"
event = "Keputusan"
basis = "Catatan kantor"
steps = [{ id = "lima", name = "Tanggapan", working_days = 5, basis = "Pasal 7", confidence = "P" }]
"""


@pytest.fixture
def cases(tmp_path, monkeypatch):
    path = tmp_path / "kantor" / "kasus.toml"
    path.parent.mkdir()
    path.write_text(CHAINS, encoding="utf-8")
    monkeypatch.setenv("TAHAPAN_CASES_FILE", str(path))
    return path


def add(cli, ident: str, chain: str, when: str, *extra: str) -> None:
    result = cli("kasus", "add", ident, "--chain", chain, "--from", when, *extra)
    assert result.exit_code == 0, result.output


def steps_of(cli, *args: str) -> dict[str, dict]:
    result = cli(*args, "--json")
    assert result.exit_code in (0, 1), result.output
    return {s["id"]: s for s in json.loads(result.stdout)["steps"]}


def step_block(text: str, step: str) -> list[str]:
    """The lines of one step in the text of `kasus show` or `hitung --chain`."""
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if line.endswith(f"({step})"))
    end = next((i for i in range(first, len(lines)) if not lines[i]), len(lines))
    return lines[first:end]


# ------------------------------------------------------------------------- the worked examples


def test_pileg_2024_petition_window_to_the_minute(cli, monkeypatch, run):
    monkeypatch.setenv("TAHAPAN_NOW", "2024-03-21T09:00:00+07:00")
    steps = steps_of(cli, "hitung", "--chain", "phpu-pileg", "2024-03-20 22:19")
    first = steps["permohonan"]
    assert (first["opens"], first["due"]) == ("2024-03-20T22:19:00+07:00", "2024-03-23T22:19:00+07:00")  # fmt: skip
    assert first["from_midnight"] is False
    text = cli("hitung", "--chain", "phpu-pileg", "2024-03-20 22:19").stdout
    assert step_block(text, "permohonan")[:3] == [
        "1. Pengajuan permohonan ke Mahkamah Konstitusi (permohonan)",
        "   tenggat         Sabtu, 23 Maret 2024 pukul 22.19 WIB (sisa 2 hari)",
        "   hitungan mulai  Rabu, 20 Maret 2024 pukul 22.19 WIB",
    ]
    # the installed command, as an officer types it, says the same
    done = run("hitung", "--chain", "phpu-pileg", "20/03/2024 22.19 WIB")
    assert done.returncode == 0, done.stderr
    assert "   tenggat         Sabtu, 23 Maret 2024 pukul 22.19 WIB (sisa 2 hari)\n" in done.stdout
    json_run = run("hitung", "--chain", "phpu-pileg", "2024-03-20T22:19:00+07:00", "--json")
    assert json.loads(json_run.stdout)["steps"][0]["due"] == "2024-03-23T22:19:00+07:00"


def test_dct_2023_process_dispute_both_rules(cli):
    # 3 Nov 2023 is a Friday: 3 working days are 6, 7, 8 November; Perbawaslu's 3 days end on 6
    assert date(2023, 11, 3).weekday() == 4
    steps = steps_of(cli, "hitung", "--chain", "pemilu-sengketa-proses", "2023-11-03")
    first = steps["permohonan"]
    assert (first["opens"], first["due"]) == ("2023-11-06", "2023-11-08")
    assert first["alternative"]["due"] == "2023-11-06"
    assert first["alternative"]["rule"] == {"count": 3, "unit": "days", "direction": "after", "from": "event"}  # fmt: skip
    text = cli("hitung", "--chain", "pemilu-sengketa-proses", "2023-11-03").stdout
    block = step_block(text, "permohonan")
    assert block[1:3] == ["   tenggat         Rabu, 8 November 2023", "   hitungan mulai  Senin, 6 November 2023"]  # fmt: skip
    assert (
        "   ketentuan lain  3 hari sejak peristiwa awal → Senin, 6 November 2023 (Perbawaslu 9/2022 Pasal 26 "
        "ayat (2) · 2S, dua sumber sekunder atau lebih)" in block
    )
    # the decision: 12 working days from the filing deadline, the statute's 12 days beside it
    decision = steps["putusan"]
    assert (decision["due"], decision["alternative"]["due"]) == ("2023-11-24", "2023-11-20")
    assert decision["footing"] == "deadline"


def test_pilpres_2024_filing_window_and_the_22_april_ruling(cli, monkeypatch, cases):
    monkeypatch.setenv("TAHAPAN_NOW", "2024-03-21T09:00:00+07:00")
    steps = steps_of(cli, "hitung", "--chain", "phpu-pilpres", "2024-03-20")
    assert (steps["permohonan"]["opens"], steps["permohonan"]["due"]) == ("2024-03-21", "2024-03-23")  # fmt: skip
    # registration not recorded: 14 working days from the petition's deadline (Sat 23 March):
    # 25 26 27 28 Mar (29 Good Friday) 1 2 3 4 5 Apr (8 9 cuti, 10 11 Idul Fitri, 12 15 cuti)
    # 16 17 18 19 22 Apr: the 14th is Mon 22 April, the day the Court ruled
    ruling = steps["putusan"]
    assert (ruling["due"], ruling["footing"]) == ("2024-04-22", "earliest")
    assert ruling["due"] >= "2024-04-22"
    assert ruling["alternative"]["due"] == "2024-04-06"  # UU 7/2017: 14 days from the petition
    monkeypatch.setenv("TAHAPAN_NOW", "2024-03-26T09:00:00+07:00")  # a step is recorded once past
    add(cli, "pilpres", "phpu-pilpres", "2024-03-20")
    done = cli("kasus", "done", "pilpres", "registrasi", "--on", "2024-03-25")
    assert done.exit_code == 0, done.output
    # the Court counts the day of registration as the first: Mon 25 March is day 1, 26 27 28
    # Mar, 1-5 Apr, 16 17 18 19 22 Apr: the 14th is 22 April, the day it ruled
    ruling = steps_of(cli, "kasus", "show", "pilpres")["putusan"]
    assert (ruling["due"], ruling["footing"], ruling["from"]) == ("2024-04-22", "actual", "2024-03-25")  # fmt: skip
    assert ruling["opens"] == "2024-03-25"
    assert ruling["rule"]["count"] == 14
    calendar = WorkCalendar()
    assert calendar.count(date(2024, 3, 25), date(2024, 4, 22)) == 14
    assert [d.day for d in (date(2024, 4, 8) + timedelta(n) for n in range(8)) if not calendar.is_working(d)] == [8, 9, 10, 11, 12, 13, 14, 15]  # fmt: skip


# ----------------------------------------------------------------------- the kinds of count


def test_days_working_days_and_a_step_counted_back(cli, monkeypatch, cases):
    monkeypatch.setenv("TAHAPAN_NOW", "2024-03-15T08:00:00+07:00")
    add(cli, "a", "uji", "2024-03-14")
    steps = steps_of(cli, "kasus", "show", "a")
    assert (steps["kaji"]["opens"], steps["kaji"]["due"]) == ("2024-03-15", "2024-03-21")
    # from Thu 21 March: Fri 22, Mon 25, Tue 26
    assert (steps["klarifikasi"]["opens"], steps["klarifikasi"]["due"]) == ("2024-03-22", "2024-03-26")  # fmt: skip
    assert steps["klarifikasi"]["footing"] == "deadline"
    # an event with no deadline of its own: pending, no earlier than klarifikasi's deadline
    assert (steps["tetap"]["state"], steps["tetap"]["from"], steps["tetap"]["due"]) == ("pending", "2024-03-26", None)  # fmt: skip
    assert (steps["umum"]["state"], steps["umum"]["due"]) == ("waiting", None)
    text = cli("kasus", "show", "a").stdout
    assert step_block(text, "umum") == [
        "4. [menunggu] Pengumuman sebelum penetapan (umum)",
        "   ketentuan    5 hari sebelum langkah tetap",
        "   dasar hukum  Pasal 3 · P, teks resmi",
        "   menunggu     dihitung setelah langkah tetap dicatat (tahapan kasus done ID tetap --on "
        "TANGGAL)",
    ]
    monkeypatch.setenv("TAHAPAN_NOW", "2024-04-02T08:00:00+07:00")  # recorded once it happened
    assert cli("kasus", "done", "a", "tetap", "--on", "2024-04-02").exit_code == 0
    back = steps_of(cli, "kasus", "show", "a", "--on", "2024-03-15")["umum"]
    assert (back["state"], back["due"], back["opens"], back["days_left"]) == ("open", "2024-03-28", None, 13)  # fmt: skip
    assert back["rule"]["direction"] == "before"


def test_hours_across_midnight_and_zones(cli, monkeypatch, cases):
    monkeypatch.setenv("TAHAPAN_NOW", "2024-03-20T20:00:00+07:00")
    # announced 22.19 WIB; the case is kept in Denpasar (WITA): 23.19 WITA, + 5 h = 04.19 next day
    add(cli, "bali", "jam", "2024-03-20 22:19 WIB", "-r", "kota-denpasar")
    step = steps_of(cli, "kasus", "show", "bali")["aju"]
    assert (step["from"], step["due"]) == ("2024-03-20T23:19:00+08:00", "2024-03-21T04:19:00+08:00")
    assert datetime.fromisoformat(step["due"]) == datetime(2024, 3, 21, 3, 19, tzinfo=ZoneInfo("Asia/Jakarta"))  # fmt: skip
    assert step["from_midnight"] is False
    text = cli("kasus", "show", "bali").stdout
    assert "            Rabu, 20 Maret 2024 pukul 23.19 WITA\n" in text
    assert step_block(text, "aju")[1] == "   tenggat         Kamis, 21 Maret 2024 pukul 04.19 WITA (sisa 1 hari)"  # fmt: skip


def test_hours_from_a_date_without_a_time_count_from_midnight(cli, monkeypatch, cases):
    monkeypatch.setenv("TAHAPAN_NOW", "2024-03-20T01:00:00+07:00")
    add(cli, "tanpa-jam", "jam", "2024-03-20")
    step = steps_of(cli, "kasus", "show", "tanpa-jam")["aju"]
    assert (step["from"], step["opens"], step["due"], step["from_midnight"]) == ("2024-03-20", "2024-03-20T00:00:00+07:00", "2024-03-20T05:00:00+07:00", True)  # fmt: skip
    assert step_block(cli("kasus", "show", "tanpa-jam").stdout, "aju")[-1] == (
        "   jam          jam peristiwa awal belum dicatat: dihitung dari pukul 00.00 (tenggat "
        'paling awal); catat jamnya, mis. --from "2024-05-18 14.30"'
    )


def test_hours_are_real_hours_in_a_zone_with_summer_time(cli, monkeypatch, cases):
    monkeypatch.setenv("TAHAPAN_NOW", "2024-03-29T08:00:00+07:00")
    cases.write_text(CHAINS + '[[cases]]\nid = "ppln"\nchain = "jam"\nevent = 2024-03-31T00:30:00+01:00\nzone = "Europe/Amsterdam"\n')  # fmt: skip
    step = steps_of(cli, "kasus", "show", "ppln")["aju"]
    # 00.30 CET + 5 h = 04.30 UTC = 06.30 CEST (clocks went forward at 02.00)
    assert step["due"] == "2024-03-31T06:30:00+02:00"


# -------------------------------------------------------------------------- recording a step


def test_done_in_time_then_late_moves_the_next_step_and_undo_takes_it_back(cli, monkeypatch, cases):
    monkeypatch.setenv("TAHAPAN_NOW", "2024-03-23T20:00:00+07:00")
    add(cli, "a", "uji", "2024-03-14")
    assert cli("kasus", "done", "a", "kaji", "--on", "2024-03-19").exit_code == 0
    steps = steps_of(cli, "kasus", "show", "a")
    assert (steps["kaji"]["state"], steps["kaji"]["late_days"]) == ("done", None)
    assert steps["klarifikasi"]["due"] == "2024-03-22"  # Wed 20, Thu 21, Fri 22
    assert steps["klarifikasi"]["footing"] == "actual"
    text = cli("kasus", "show", "a").stdout
    assert "   terjadi         Selasa, 19 Maret 2024 (tepat waktu)" in step_block(text, "kaji")

    late = cli("kasus", "done", "a", "kaji", "--on", "2024-03-23")
    assert late.exit_code == 0
    steps = steps_of(cli, "kasus", "show", "a")
    assert (steps["kaji"]["late_days"], steps["kaji"]["done_on"]) == (2, "2024-03-23")
    assert steps["klarifikasi"]["due"] == "2024-03-27"  # from Sat 23: Mon 25, Tue 26, Wed 27
    text = cli("kasus", "show", "a").stdout
    assert "   terjadi         Sabtu, 23 Maret 2024 (terlambat 2 hari)" in step_block(text, "kaji")

    undone = cli("kasus", "done", "a", "kaji", "--undo")
    assert undone.exit_code == 0
    steps = steps_of(cli, "kasus", "show", "a", "--on", "2024-03-15")
    assert (steps["kaji"]["state"], steps["kaji"]["done_on"]) == ("open", None)
    assert (steps["klarifikasi"]["due"], steps["klarifikasi"]["footing"]) == ("2024-03-26", "deadline")  # fmt: skip
    assert "kaji = " not in cases.read_text(encoding="utf-8")  # the record is gone from the file


# ------------------------------------------------------------ holidays: decreed, missing, local


def test_working_days_skip_idul_fitri_2024(cli, monkeypatch, cases):
    monkeypatch.setenv("TAHAPAN_NOW", "2024-04-04T08:00:00+07:00")
    add(cli, "lebaran", "hk", "2024-04-04")
    # Fri 5 April, then 8-9 cuti bersama, 10-11 Idul Fitri, 12 and 15 cuti: 16, 17, 18, 19
    step = steps_of(cli, "kasus", "show", "lebaran")["lima"]
    assert (step["opens"], step["due"], step["holidays_not_decreed"]) == ("2024-04-05", "2024-04-19", [])  # fmt: skip
    assert "PERHATIAN" not in cli("kasus", "show", "lebaran").stdout


def test_a_year_no_decree_covers_is_pointed_out(cli, monkeypatch, cases):
    until = holiday_data()[1]
    assert until is not None and until >= 2027
    year = until + 1
    monkeypatch.setenv("TAHAPAN_NOW", f"{year}-03-01T08:00:00+07:00")
    add(cli, "nanti", "hk", f"{year}-03-01")
    shown = json.loads(cli("kasus", "show", "nanti", "--json").stdout)
    assert shown["holidays_decreed_until"] == until
    assert shown["steps"][0]["holidays_not_decreed"] == [year]
    text = cli("kasus", "show", "nanti").stdout
    assert (
        f"  PERHATIAN: hari libur dan cuti bersama {year} belum ditetapkan SKB (data sampai "
        f"{until}); hari kerja di tahun itu dihitung dengan perkiraan.\n" in text
    )
    assert f"   libur           {year} belum ditetapkan SKB: perkiraan" in step_block(text, "lima")


def test_the_list_names_the_undecreed_year_as_show_does(cli, monkeypatch, cases):
    year = holiday_data()[1] + 1
    monkeypatch.setenv("TAHAPAN_NOW", f"{year}-03-01T08:00:00+07:00")
    add(cli, "nanti", "hk", f"{year}-03-01")
    listed = json.loads(cli("kasus", "--json").stdout)["cases"][0]["next"]
    assert listed["holidays_not_decreed"] == [year]


def test_a_regions_local_holiday_is_skipped_only_there(cli, monkeypatch, cases, run):
    monkeypatch.setenv("TAHAPAN_NOW", "2025-08-20T08:00:00+07:00")
    # Fri 22 Aug 2025; 27 Aug was voting day in Pangkalpinang and Bangka, a local holiday there
    add(cli, "lokal", "hk", "2025-08-22", "-r", "kota-pangkalpinang")
    add(cli, "pusat", "hk", "2025-08-22")
    assert steps_of(cli, "kasus", "show", "lokal")["lima"]["due"] == "2025-09-01"
    assert steps_of(cli, "kasus", "show", "pusat")["lima"]["due"] == "2025-08-29"
    listed = json.loads(run("kasus", "--json").stdout)["cases"]
    assert [(c["id"], c["next"]["due"], c["region"]) for c in listed] == [
        ("pusat", "2025-08-29", None),
        ("lokal", "2025-09-01", {"id": "kota-pangkalpinang", "name": "Kota Pangkal Pinang"}),
    ]


# ------------------------------------------------------------------------ states and lists


def test_the_list_nearest_first_and_closed_cases_leave_it(cli, monkeypatch, cases):
    monkeypatch.setenv("TAHAPAN_NOW", "2024-03-15T08:00:00+07:00")
    add(cli, "a-jauh", "uji", "2024-03-14", "--name", "Laporan jauh")
    add(cli, "b-dekat", "hk", "2024-03-12")  # 13 14 15 18 19 March
    result = cli("kasus")
    assert (result.exit_code, result.stdout) == (
        0,
        "Kasus terbuka per Jumat, 15 Maret 2024\n"
        "b-dekat · Lima hari kerja\n"
        "  19 Mar 2024 (sisa 4 hari): Tanggapan\n"
        "a-jauh · Laporan jauh\n"
        "  21 Mar 2024 (sisa 6 hari): Kajian awal\n",
    )
    assert cli("kasus", "close", "b-dekat", "--on", "2024-03-15").exit_code == 0
    assert cli("kasus").stdout.splitlines()[1:] == ["a-jauh · Laporan jauh", "  21 Mar 2024 (sisa 6 hari): Kajian awal"]  # fmt: skip
    every = cli("kasus", "--all").stdout
    assert "b-dekat · Lima hari kerja (ditutup 15 Mar 2024)\n" in every
    assert cli("kasus", "close", "b-dekat", "--reopen").exit_code == 0
    assert cli("kasus").stdout.splitlines()[1] == "b-dekat · Lima hari kerja"


def test_show_exits_1_when_a_deadline_was_missed(cli, monkeypatch, cases, run):
    monkeypatch.setenv("TAHAPAN_NOW", "2024-03-15T08:00:00+07:00")
    add(cli, "a", "uji", "2024-03-14")
    assert cli("kasus", "show", "a").exit_code == 0
    late = cli("kasus", "show", "a", "--on", "2024-03-22")
    assert late.exit_code == 1
    assert step_block(late.stdout, "kaji")[:2] == [
        "1. [TERLEWAT] Kajian awal (kaji)",
        "   tenggat         Kamis, 21 Maret 2024 (lewat 1 hari)",
    ]
    installed = run("kasus", "show", "a", "--on", "2024-03-22", "--json")
    assert installed.returncode == 1
    assert json.loads(installed.stdout)["steps"][0]["state"] == "overdue"


def test_an_optional_step_lapses_and_what_follows_it_waits(cli, monkeypatch, cases):
    monkeypatch.setenv("TAHAPAN_NOW", "2024-03-25T08:00:00+07:00")
    add(cli, "a", "uji", "2024-03-14")
    for step in ("kaji", "klarifikasi"):
        assert cli("kasus", "done", "a", step, "--on", "2024-03-20").exit_code == 0
    shown = cli("kasus", "show", "a", "--on", "2024-03-25", "--json")
    steps = {s["id"]: s for s in json.loads(shown.stdout)["steps"]}
    # banding: 3 days from 20 March, passed on the 23rd without happening
    assert (steps["banding"]["state"], steps["banding"]["due"]) == ("lapsed", "2024-03-23")
    assert (steps["putus-banding"]["state"], steps["putus-banding"]["due"]) == ("waiting", None)
    assert shown.exit_code == 0  # an optional step that did not happen is no missed deadline
    text = cli("kasus", "show", "a", "--on", "2024-03-25").stdout
    assert step_block(text, "banding")[0] == "5. [lewat, tidak dicatat] Banding (bila ada) (banding)"  # fmt: skip
    assert step_block(text, "putus-banding")[0] == "6. [menunggu] Putusan banding (putus-banding)"


# ------------------------------------------------------------------------------- the property

OWN_AND_SHIPPED = book_of(tomllib.loads(CHAINS), Path("kasus.toml")).chains


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    chain=st.sampled_from(sorted(OWN_AND_SHIPPED)),
    day=st.dates(date(2023, 1, 1), date(2027, 12, 31)),
    minute=st.none() | st.integers(0, 24 * 60 - 1),
    zone=st.sampled_from(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]),
)
def test_every_due_lies_the_right_way_and_recording_it_moves_nothing(chain, day, minute, zone):
    tz = ZoneInfo(zone)
    event = day if minute is None else datetime.combine(day, time(minute // 60, minute % 60), tz)
    calendar, done = WorkCalendar(), []

    def count():
        case = Case("p", chain, event, zone, done=tuple(done))
        return count_steps(case, OWN_AND_SHIPPED[chain], on=day, now=datetime.combine(day, time(0), tz))  # fmt: skip

    def minute_of(point):  # a day's deadline from its first minute: every count here is >= 1
        return point.at or datetime.combine(point.day, time(0), tz)

    current = count()
    for index in range(len(current)):
        for s in (s for s in current if s.due is not None):
            end, base = minute_of(s.due.end), minute_of(s.base)
            assert (end <= base) if s.step.count.backward else (end >= base), s.step.id
            if s.step.count.unit == "working_days":
                assert calendar.is_working(s.due.end.day), (s.step.id, s.due.end.day)
        s = current[index]
        if s.due is None and s.base is None:
            continue  # waits for an optional step; each one is recorded before what follows it
        point = s.due.end if s.due is not None else s.base
        done.append((s.step.id, point.at or point.day))
        after = count()
        assert (after[index].state, after[index].late_days) == ("done", None)
        for was, now in zip(current[index + 1 :], after[index + 1 :], strict=True):
            if was.due is not None:
                assert now.due is not None and now.due.end == was.due.end, was.step.id
        current = after
    assert all(s.state == "done" for s in current)
