"""`calendar --cases` and `publish --cases`: the open cases' deadlines in the month grids, as
private iCalendar events, and in one private file of a published site; never without asking."""

from __future__ import annotations

import json
import stat
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

WIB = timezone(timedelta(hours=7))
PEMILU = ("calendar", "-e", "pemilu-2024")
PETITION = "pileg-2024.permohonan@kasus.tahapan.invalid"


@pytest.fixture
def cases(cli, tmp_path, monkeypatch) -> Path:
    """Two disputes of the 2024 result, as an officer records them the day after: the Pileg one
    from the minute the result was announced (an hour deadline), the Pilpres one from the day."""
    monkeypatch.setenv("TAHAPAN_USER_FILE", str(tmp_path / "jadwal.toml"))
    monkeypatch.setenv("TAHAPAN_NOW", "2024-03-21T09:00:00+07:00")
    added = cli(
        "kasus", "add", "pileg-2024", "--chain", "phpu-pileg", "--from", "2024-03-20 22:19",
        "--name", "PHPU Pileg 2024",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    added = cli("kasus", "add", "sengketa-pres", "--chain", "phpu-pilpres", "--from", "2024-03-20")
    assert added.exit_code == 0, added.output
    return tmp_path / "kasus.toml"


def _events(text: str | bytes) -> dict[str, object]:
    import icalendar

    return {str(e["uid"]): e for e in icalendar.Calendar.from_ical(text).walk("VEVENT")}


def _case_events(text: str | bytes) -> dict[str, object]:
    return {uid: e for uid, e in _events(text).items() if uid.endswith("@kasus.tahapan.invalid")}


def test_ics_gives_each_deadline_an_event_of_its_own(cli, cases, tmp_path):
    out = tmp_path / "jadwal.ics"
    result = cli(*PEMILU, "-f", "ics", "--cases", "-o", str(out), "--alarm", "1")
    assert result.exit_code == 0, result.output
    events = _case_events(out.read_bytes())
    assert sorted(events) == [
        "pileg-2024.perbaikan@kasus.tahapan.invalid",
        PETITION,
        "pileg-2024.putusan@kasus.tahapan.invalid",
        "sengketa-pres.permohonan@kasus.tahapan.invalid",
        "sengketa-pres.putusan@kasus.tahapan.invalid",
    ]
    # an hour deadline: at its minute, in its zone (with the zone's VTIMEZONE), lasting no time
    petition = events[PETITION]
    start = petition.decoded("dtstart")
    assert start == datetime(2024, 3, 23, 22, 19, tzinfo=WIB) and start.utcoffset() == (
        timedelta(hours=7)
    )
    assert "TZID=Asia/Jakarta" in petition.to_ical().decode()
    assert b"BEGIN:VTIMEZONE\r\nTZID:Asia/Jakarta\r\n" in out.read_bytes()
    assert petition.decoded("duration") == timedelta(0) and "dtend" not in petition
    assert str(petition["summary"]) == (
        "Tenggat pileg-2024: Pengajuan permohonan ke Mahkamah Konstitusi"
    )
    assert str(petition["class"]) == "PRIVATE"
    description = str(petition["description"])
    assert "Aturan: 3×24 jam sejak peristiwa awal" in description
    assert "Dasar hukum: UU 7/2017 Pasal 474 ayat (2)" in description
    assert "Kasus pileg-2024: PHPU Pileg 2024" in description
    # --alarm 1: 08:00 WIB the day before the deadline
    (alarm,) = petition.walk("VALARM")
    assert start + alarm.decoded("trigger") == datetime(2024, 3, 22, 8, 0, tzinfo=WIB)
    # a day deadline: an all-day event on its day
    day = events["sengketa-pres.permohonan@kasus.tahapan.invalid"]
    assert (day.decoded("dtstart"), day.decoded("dtend")) == (date(2024, 3, 23), date(2024, 3, 24))
    assert str(day["class"]) == "PRIVATE"
    # counted from the petition's deadline, not a recorded day: an estimate, said so
    repair = events["pileg-2024.perbaikan@kasus.tahapan.invalid"]
    assert str(repair["summary"]).endswith("[perkiraan]")
    assert "Perkiraan: langkah permohonan belum dicatat" in str(repair["description"])
    # the stages are there as ever
    assert "pemilu-2024.pengajuan-phpu-pileg@tahapan.invalid" in _events(out.read_bytes())


def test_the_same_cases_give_the_same_events(cli, cases, monkeypatch):
    first = cli(*PEMILU, "-f", "ics", "--cases").stdout
    second = cli(*PEMILU, "-f", "ics", "--cases").stdout
    once, again = _case_events(first), _case_events(second)
    assert list(once) == list(again) and PETITION in once
    assert [e.to_ical() for e in once.values()] == [e.to_ical() for e in again.values()]
    # recording the petition moves what counts from it: the repair is no estimate any more
    monkeypatch.setenv("TAHAPAN_NOW", "2024-03-22T12:00:00+07:00")
    done = cli("kasus", "done", "pileg-2024", "permohonan", "--on", "2024-03-22 10:00")
    assert done.exit_code == 0, done.output
    moved = _case_events(cli(*PEMILU, "-f", "ics", "--cases").stdout)
    assert PETITION not in moved  # done: no longer a deadline to meet
    repair = moved["pileg-2024.perbaikan@kasus.tahapan.invalid"]
    assert repair.decoded("dtstart") == datetime(2024, 3, 25, 10, 0, tzinfo=WIB)
    assert "perkiraan" not in str(repair["summary"])
    assert repair.decoded("dtstamp") >= once["pileg-2024.perbaikan@kasus.tahapan.invalid"].decoded(
        "dtstamp"
    )


def test_terminal_grid_marks_the_deadline_on_its_day(cli, cases):
    result = cli(*PEMILU, "--month", "2024-03", "--cases")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    row = next(line for line in lines if line.startswith("│18"))
    cells = [cell.strip() for cell in row.split("│")[1:8]]
    assert cells[5].startswith("23!") and cells[6] == "24"  # Saturday 23 March 2024, not Sunday
    assert next(line for line in lines if line.startswith("│25")).split("│")[2].startswith("26!")
    key = "\n".join(lines)
    assert (
        "  ! 23 Mar 2024 pukul 22.19 WIB — pileg-2024 (PHPU Pileg 2024): Pengajuan\n"
        "    permohonan ke Mahkamah Konstitusi"
    ) in key
    assert "  ! 23 Mar 2024 — sengketa-pres: Pengajuan permohonan ke Mahkamah Konstitusi" in lines
    assert "Perbaikan permohonan yang kurang lengkap [perkiraan]" in " ".join(key.split())
    # April and May's deadlines are not in March: stderr says how many the months leave out
    assert result.stderr == (
        "tahapan: --cases: 2 tenggat kasus di luar bulan yang ditampilkan (semuanya: tahapan "
        "kasus)\n"
    )
    english = cli(*PEMILU, "--month", "2024-03", "--cases", "--lang", "en").stdout
    assert "! 23 Mar 2024 at 22:19 WIB — pileg-2024 (PHPU Pileg 2024)" in english
    assert "[estimate]" in english


def test_without_cases_nothing_changes(cli, cases):
    with_file = {
        fmt: cli(*PEMILU, "--month", "2024-03", "-f", fmt).stdout
        for fmt in ("term", "json", "html")
    }
    assert "pileg-2024" not in "".join(with_file.values())
    assert "cases" not in json.loads(with_file["json"])
    assert "pileg-2024" not in cli(*PEMILU, "-f", "ics").stdout
    cases.unlink()
    without = {
        fmt: cli(*PEMILU, "--month", "2024-03", "-f", fmt).stdout
        for fmt in ("term", "json", "html")
    }
    assert without == with_file


def test_json_html_and_pdf_hold_them(cli, cases, tmp_path):
    data = json.loads(cli(*PEMILU, "--month", "2024-03", "--cases", "-f", "json").stdout)
    assert [(c["case"], c["step"], c["due"], c["footing"]) for c in data["cases"]] == [
        ("pileg-2024", "permohonan", "2024-03-23T22:19:00+07:00", "actual"),
        ("sengketa-pres", "permohonan", "2024-03-23", "actual"),
        ("pileg-2024", "perbaikan", "2024-03-26T22:19:00+07:00", "deadline"),
    ]
    html = cli(*PEMILU, "--month", "2024-03", "--cases", "-f", "html").stdout
    assert (
        '<span class="pin" title="23 Mar 2024 pukul 22.19 WIB — pileg-2024 (PHPU Pileg 2024): '
        'Pengajuan permohonan ke Mahkamah Konstitusi">! pileg-2024<span class="long">: Pengajuan '
        "permohonan ke Mahkamah Konstitusi (22.19 WIB)</span></span>"
    ) in html
    assert '<p class="cases">! 23 Mar 2024 — sengketa-pres: Pengajuan permohonan' in html
    from pypdf import PdfReader

    out = tmp_path / "maret.pdf"
    assert cli(*PEMILU, "--month", "2024-03", "--cases", "-o", str(out)).exit_code == 0
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "! pileg-2024: Pengajuan permohonan ke Mahkamah Konstitusi (22.19 WIB)" in text
    assert "! 26 Mar 2024 pukul 22.19 WIB — pileg-2024 (PHPU Pileg 2024): Perbaikan" in text


def test_no_cases_file_is_said_and_the_calendar_drawn(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("TAHAPAN_USER_FILE", str(tmp_path / "jadwal.toml"))
    plain = cli(*PEMILU, "--month", "2024-03")
    result = cli(*PEMILU, "--month", "2024-03", "--cases")
    assert (result.exit_code, result.stdout) == (0, plain.stdout)
    assert result.stderr == (
        f"tahapan: --cases: belum ada berkas kasus ({tmp_path / 'kasus.toml'}); tambahkan kasus "
        "dengan `tahapan kasus add`\n"
    )
    assert (
        json.loads(cli(*PEMILU, "--month", "2024-03", "--cases", "-f", "json").stdout)["cases"]
        == []
    )


def test_csv_is_a_schedule_and_takes_no_cases(cli, cases):
    result = cli(*PEMILU, "-f", "csv", "--cases")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("tahapan: --cases tidak untuk -f csv")


def test_publish_names_no_case_unless_asked(cli, cases, tmp_path):
    site = tmp_path / "situs"

    def naming(case: str) -> list[str]:
        return sorted(
            p.relative_to(site).as_posix()
            for p in site.rglob("*")
            if p.is_file() and case.encode() in p.read_bytes()
        )

    public = cli("publish", str(site), "-e", "pemilu-2024")
    assert public.exit_code == 0, public.output
    assert naming("pileg-2024") == naming("sengketa-pres") == naming("kasus.ics") == []
    assert "PRIBADI" not in public.stderr

    private = cli("publish", str(site), "-e", "pemilu-2024", "--cases")
    assert private.exit_code == 0, private.output
    assert naming("pileg-2024") == ["kasus.ics"]
    # the site's listing of its own files names it, so that the next publish may replace it
    assert naming("kasus.ics") == [".tahapan-publish"]
    assert stat.S_IMODE((site / "kasus.ics").stat().st_mode) == 0o600
    assert stat.S_IMODE((site / "index.html").stat().st_mode) == 0o644
    events = _case_events((site / "kasus.ics").read_bytes())
    assert events[PETITION].decoded("dtstart") == datetime(2024, 3, 23, 22, 19, tzinfo=WIB)
    assert {str(e["class"]) for e in events.values()} == {"PRIVATE"}
    assert private.stderr.splitlines()[-1] == (
        f"tahapan: {site / 'kasus.ics'}: tenggat kasus, PRIBADI (hanya dapat dibaca pemiliknya); "
        "jangan letakkan di server umum"
    )
    feeds = json.loads((site / "data.json").read_text(encoding="utf-8"))["feeds"]
    assert not [f for f in feeds if "kasus" in json.dumps(f)]
    # unchanged cases: the file is kept as it was; a publish without --cases takes it away
    again = cli("publish", str(site), "-e", "pemilu-2024", "--cases")
    assert "0 berkas ditulis" in again.stderr
    assert cli("publish", str(site), "-e", "pemilu-2024").exit_code == 0
    assert not (site / "kasus.ics").exists() and naming("pileg-2024") == []


def test_case_colour_reads_on_every_day_background():
    from tahapan import colours as c

    for background in ("#ffffff", c.SHADE, c.VOTING_DAY, c.HEADER):
        assert c.contrast(c.CASE, background) >= 4.5, background


def test_installed_tahapan_gives_the_same_events(cli, cases, run):
    result = run(*PEMILU, "-f", "ics", "--cases")
    assert result.returncode == 0, result.stderr
    events = _case_events(result.stdout)
    assert events[PETITION].decoded("dtstart") == datetime(2024, 3, 23, 22, 19, tzinfo=WIB)
    assert str(events[PETITION]["class"]) == "PRIVATE"
    # the same UIDs and the same events as through the runner
    runner = _case_events(cli(*PEMILU, "-f", "ics", "--cases").stdout)
    assert [e.to_ical() for e in events.values()] == [e.to_ical() for e in runner.values()]
    grid = run(*PEMILU, "--month", "2024-03", "--cases", env={"COLUMNS": "80"})
    assert grid.returncode == 0, grid.stderr
    row = next(line for line in grid.stdout.splitlines() if line.startswith("│18"))
    assert row.split("│")[6].startswith("23!")


def test_a_deadline_at_24_00_is_marked_and_rung_on_its_own_day(cli, tmp_path, monkeypatch):
    """1×24 hours from a day without a time end at 00.00 of the next: the grid marks the day
    itself, and an alarm "0 days before" rings at 08.00 of that day, not at the deadline."""
    monkeypatch.setenv("TAHAPAN_USER_FILE", str(tmp_path / "jadwal.toml"))
    monkeypatch.setenv("TAHAPAN_NOW", "2024-01-05T07:00:00+07:00")
    assert (
        cli("kasus", "add", "k", "--chain", "pemilu-pidana", "--from", "2024-01-05").exit_code == 0
    )
    ics = cli(
        "calendar",
        "-e",
        "pemilu-2024",
        "--month",
        "2024-01",
        "--cases",
        "-f",
        "ics",
        "--alarm",
        "0",
    )
    event = _case_events(ics.stdout)["k.penerusan@kasus.tahapan.invalid"]
    start = event["dtstart"].dt
    assert start == datetime(2024, 1, 6, 0, 0, tzinfo=start.tzinfo)
    trigger = next(a for a in event.walk("VALARM"))["trigger"].dt
    assert start + trigger == datetime(2024, 1, 5, 8, 0, tzinfo=start.tzinfo)
    grid = cli("calendar", "-e", "pemilu-2024", "--month", "2024-01", "--cases").stdout
    assert "! 5 Jan 2024 pukul 24.00 WIB — k" in grid


def test_a_moved_deadline_has_a_greater_sequence(cli, cases, monkeypatch):
    """Recording a step moves the deadlines after it: the same UID comes back with a greater
    SEQUENCE, so a client that goes by it takes the new date."""
    import os

    def ruling() -> object:
        ics = cli("calendar", "-e", "pemilu-2024", "--year", "2024", "--cases", "-f", "ics").stdout
        return _case_events(ics)["sengketa-pres.putusan@kasus.tahapan.invalid"]

    before = ruling()
    os.utime(cases, (cases.stat().st_atime, cases.stat().st_mtime - 120))  # the file made earlier
    earlier = ruling()
    assert int(earlier["sequence"]) < int(before["sequence"])
    assert cli("kasus", "done", "sengketa-pres", "registrasi", "--on", "2024-03-21").exit_code == 0
    after = ruling()
    assert after["dtstart"].dt == date(2024, 4, 18)  # from the real registration, not 22 April
    assert int(after["sequence"]) > int(earlier["sequence"])


def test_a_missed_deadline_is_doubled_on_the_sheet(cli, tmp_path, monkeypatch):
    """A pinned sheet is read without its key: a missed deadline shows "!!", one ahead "!"."""
    monkeypatch.setenv("TAHAPAN_USER_FILE", str(tmp_path / "jadwal.toml"))
    monkeypatch.setenv("TAHAPAN_NOW", "2024-03-21T09:00:00+07:00")
    added = cli("kasus", "add", "k", "--chain", "pemilu-pidana", "--from", "2024-03-18 10:00")
    assert added.exit_code == 0
    assert (
        cli("kasus", "add", "p", "--chain", "phpu-pileg", "--from", "2024-03-20 22:19").exit_code
        == 0
    )
    lines = cli(
        "calendar", "-e", "pemilu-2024", "--month", "2024-03", "--cases"
    ).stdout.splitlines()
    row = next(line for line in lines if line.startswith("│18"))
    cells = [cell.strip() for cell in row.split("│")[1:8]]
    assert (
        cells[1].startswith("19!!")
        and cells[5].startswith("23!")
        and not cells[5].startswith("23!!")
    )
    assert any(line.startswith("  !! 19 Mar 2024 pukul 10.00 WIB — k:") for line in lines)
    html = cli(
        "calendar", "-e", "pemilu-2024", "--month", "2024-03", "--cases", "-f", "html"
    ).stdout
    assert '">!! k<span class="long">' in html and '">! p<span class="long">' in html
