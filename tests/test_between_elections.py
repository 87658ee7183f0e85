"""Between elections: the PDPB programme and Pemilu 2029 (no voting day yet) as shipped from fact
sheet §6, through every command and output; and the legal checks of a projected national election."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from tahapan.config import user_file
from tahapan.render.edits import warning_text
from tahapan.schedule.legal import conflicts, projected_windows
from tahapan.schedule.load import load_catalog

FACT_SHEET = Path(__file__).resolve().parents[2] / "shared" / "reference" / "official-schedules.md"
QUIET_DAY = "2026-12-06T02:00:00Z"
#: an H-notation that only a voting day can give
H_MARK = re.compile(r"\bH[-+]\d")


@pytest.fixture
def quiet_day(monkeypatch):
    monkeypatch.setenv("TAHAPAN_NOW", QUIET_DAY)


@pytest.fixture(scope="module")
def shipped():
    return {e.id: e for e in load_catalog().elections}


@pytest.mark.skipif(not FACT_SHEET.exists(), reason="the fact sheet lives in ../shared")
def test_the_2025_pdpb_recaps_of_section_6a_are_shipped_with_two_sources(shipped):
    text = FACT_SHEET.read_text(encoding="utf-8")
    section = text.split("### 6a.")[1].split("### 6b.")[0]
    rows = re.findall(r"^(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))? \| [^|]+\| ([^|]+)\| (\S+)",
                      section, re.MULTILINE)  # fmt: skip
    assert len(rows) == 4
    pdpb = shipped["pdpb"]
    dated = {(s.start, s.end, s.confidence) for _, s in pdpb.walk() if s.repeat is None}
    for start, end, _what, confidence in rows:
        first = date.fromisoformat(start)
        assert (first, date.fromisoformat(end or start), confidence) in dated
    assert any("1577/PP.05-SD/13/2025" in s.basis for _, s in pdpb.walk())
    assert "211.865.861" in next(s.note for _, s in pdpb.walk() if s.start == date(2025, 12, 17))


def test_pdpb_from_2026_repeats_by_rule_and_is_marked_an_estimate(shipped):
    pdpb = shipped["pdpb"]
    assert pdpb.kind == "programme" and pdpb.voting_day is None
    assert "PKPU 1/2025" in pdpb.basis and "Perbawaslu 1/2025" in (pdpb.scope or "")
    repeating = [s for _, s in pdpb.walk() if s.repeat]
    assert {s.id for s in repeating} == {"rekap-kabupaten-kota", "rekap-provinsi", "rekap-nasional"}
    for stage in repeating:
        assert stage.projected and stage.start.year == 2026  # estimates, from 2026 on
        assert "surat edaran KPU" in stage.basis  # each date is set by a circular


@pytest.mark.skipif(not FACT_SHEET.exists(), reason="the fact sheet lives in ../shared")
def test_pemilu_2029_has_what_section_6b_knows_and_no_date(shipped):
    text = " ".join(FACT_SHEET.read_text(encoding="utf-8").split())
    assert "135/PUU-XXII/2024, read Thursday 2025-06-26" in text
    pemilu = shipped["pemilu-2029"]
    assert pemilu.voting_day is None and pemilu.stages == ()
    assert "135/PUU-XXII/2024" in pemilu.basis and "26 Juni 2025" in pemilu.basis
    assert "20 bulan" in pemilu.note and "Pasal 167 ayat (6)" in pemilu.note


def test_status_on_a_quiet_day_shows_the_programme_and_pemilu_2029(cli, quiet_day):
    done = cli("status", env={"COLUMNS": "120"})  # no name wraps
    assert done.exit_code == 0
    out = done.stdout
    assert "Pemutakhiran Data Pemilih Berkelanjutan" in out
    assert out.index("Pemutakhiran Data") < out.index("Pemilu yang tersedia")  # above the table
    # the next recaps, each marked an estimate
    for line in ("Rekapitulasi PDPB per semester (KPU Provinsi)", "9 Des 2026",
                 "Rekapitulasi PDPB Tingkat Nasional per semester (KPU RI)", "16 Des 2026", "2 Apr 2027"):  # fmt: skip
        assert line in out
    assert out.count("(perkiraan)") == 4  # the three next, and the one that just ended
    assert re.search(r"Pemilu 2029\s+pemilu-2029\s+belum ditetapkan\s+—", done.stdout)
    assert "tahapan election add pemilu-2029 --like pemilu-2024 --voting-day" in " ".join(
        out.split()
    )
    en = cli("status", "--lang", "en").stdout
    assert "Continuous voter-data updating" in en and "(estimate)" in en
    assert "2029 General Election: voting day not set yet." in " ".join(en.split())


def test_status_json_is_the_same_in_both_languages(cli, quiet_day):
    first = cli("status", "--json").stdout
    assert first == cli("status", "--json", "--lang", "en").stdout
    body = json.loads(first)
    [pdpb] = body["programmes"]
    assert pdpb["voting_day"] is None and pdpb["h"] is None and pdpb["kind"] == "programme"
    nxt = [(u["series"], u["start"], u["projected"]) for u in pdpb["upcoming"]]
    assert nxt == [
        ("rekap-provinsi", "2026-12-09", True),
        ("rekap-nasional", "2026-12-16", True),
        ("rekap-kabupaten-kota", "2027-04-02", True),
    ]


COMMANDS = [
    ("status", "-e", "pemilu-2029"),
    ("status", "-e", "pemilu-2029", "--json"),
    ("status", "-e", "pdpb", "--json"),
    ("list", "-e", "pemilu-2029"),
    ("list", "-e", "pemilu-2029", "--json"),
    ("list", "-e", "pdpb"),
    ("show", "pdpb/rekap-nasional"),
    ("show", "pdpb/rekap-nasional", "--json"),
    ("check", "--within", "30", "-e", "pdpb"),
    ("check", "--within", "30", "-e", "pemilu-2029", "--json"),
    ("check", "--remind", "3", "-e", "pdpb"),
    ("check", "--active", "rekap-nasional", "--on", "2026-12-16"),
    ("calendar", "-e", "pdpb"),
    ("calendar", "-e", "pdpb", "-f", "json"),
    ("calendar", "-e", "pdpb", "-f", "ics"),
    ("calendar", "-e", "pdpb", "-f", "csv"),
    ("calendar", "-e", "pemilu-2029", "--month", "2029-02"),
    ("export", "-e", "pemilu-2029"),
    ("export", "-e", "pdpb", "-f", "csv"),
    ("hitung", "-e", "pemilu-2029", "2029-02-12 .. 2029-02-16"),
    ("hitung", "-e", "pdpb", "2026-12-01 + 3 hari kerja"),
    ("pace", "rekap-nasional", "--done", "50%", "--on", "2026-12-16"),
    ("regions", "kediri"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_no_command_crashes_or_invents_an_h_without_a_voting_day(cli, quiet_day, args):
    done = cli(*args)
    assert done.exit_code in (0, 1), (done.exit_code, done.stderr)
    assert "Traceback" not in done.output
    assert not H_MARK.search(done.stdout), done.stdout


def test_html_and_pdf_calendars_and_the_board_of_a_programme(cli, quiet_day, tmp_path):
    for name in ("pdpb.html", "pdpb.pdf"):
        done = cli("calendar", "-e", "pdpb", "-o", str(tmp_path / name))
        assert done.exit_code == 0, done.stderr
    assert "perkiraan" in (tmp_path / "pdpb.html").read_text(encoding="utf-8")
    site = tmp_path / "situs"
    done = cli("publish", str(site), "--url", "https://kpu.example/jadwal/")
    assert done.exit_code == 0, done.stderr
    board = (site / "index.html").read_text(encoding="utf-8")
    assert "Pemutakhiran Data Pemilih Berkelanjutan" in board or "pdpb" in board
    feed = next(site.rglob("pdpb*.ics")).read_bytes().decode()
    assert "RRULE:FREQ=MONTHLY;BYDAY=WE;BYMONTH=7,12;BYSETPOS=3\r\n" in feed


def test_h_notation_for_an_election_without_a_voting_day_says_why(cli, quiet_day):
    done = cli("hitung", "-e", "pemilu-2029", "H-30")
    assert done.exit_code == 2
    assert "pemilu-2029" in done.stderr and "belum ditetapkan" in done.stderr
    done = cli("status", "-e", "pemilu-2029", "--on", "H-3")
    assert done.exit_code == 2 and "belum ditetapkan" in done.stderr


def test_the_installed_command_on_the_quiet_day(run):
    done = run("status", env={"TAHAPAN_NOW": QUIET_DAY, "COLUMNS": "120"})
    assert done.returncode == 0, done.stderr
    assert "Rekapitulasi PDPB Tingkat Nasional per semester (KPU RI)" in done.stdout
    assert "Pemilu 2029: hari pemungutan suara belum ditetapkan." in done.stdout


# ------------------------------------------------------------------ planning Pemilu 2029


def test_planning_pemilu_2029_completes_the_shipped_election(cli, quiet_day):
    done = cli("election", "add", "pemilu-2029", "--like", "pemilu-2024", "--voting-day",
               "2029-02-14")  # fmt: skip
    assert done.exit_code == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if "peringatan" in line]
    # 610 days before 14 Feb 2029 is 15 June 2027: a day late for "at least 20 months"
    assert "tahapan pertama dimulai 15 Juni 2027" in warnings[0]
    assert "paling lambat 20 bulan" in warnings[0] and "14 Juni 2027" in warnings[0]
    assert any("13 Februari 2029, adalah Tahun Baru Imlek" in w for w in warnings)
    assert any("15 Februari 2029, adalah Hari Raya Idul Fitri" in w for w in warnings)
    body = json.loads(cli("status", "-e", "pemilu-2029", "--json").stdout)
    assert body["elections"][0]["voting_day"] == "2029-02-14"
    assert body["elections"][0]["name"] == "Pemilu 2029"  # the shipped name stays
    # the voting day is a day off in working-day counts, and hitung lists it
    days = cli("hitung", "-e", "pemilu-2029", "2029-02-14 .. 2029-02-14", "--json")
    off = json.loads(days.stdout)
    assert off["working_days"] == 0
    assert (
        "Hari pemungutan suara"
        in cli("hitung", "-e", "pemilu-2029", "2029-02-14 .. 2029-02-14").stdout
    )
    # set later to another day: every H-rule follows
    moved = cli("election", "set-voting-day", "pemilu-2029", "2029-04-18")
    assert moved.exit_code == 0, moved.stderr
    quiet = json.loads(cli("show", "pemilu-2029/masa-tenang", "--json").stdout)["stage"]
    assert (quiet["start"], quiet["end"]) == ("2029-04-15", "2029-04-17")
    removed = cli("election", "remove", "pemilu-2029")
    assert removed.exit_code == 0, removed.stderr
    assert cli("status", "-e", "pemilu-2029", "--json").stdout.count('"voting_day": null') == 1


def test_a_voting_day_that_keeps_the_20_months_gives_no_conflict(shipped):
    like = shipped["pemilu-2024"]
    windows = projected_windows(like, date(2029, 4, 18))
    assert conflicts(windows, date(2029, 4, 18)) == []


def test_each_legal_rule_is_checked(shipped):
    like = shipped["pemilu-2024"]
    day = date(2029, 4, 18)
    good = projected_windows(like, day)

    def broken(stage, window):
        return " ".join(warning_text(w) for w in conflicts({**good, stage: window}, day))

    assert "masa tenang berlangsung 3 hari sebelum hari pemungutan suara" in broken(
        "masa-tenang", (date(2029, 4, 14), date(2029, 4, 17))
    )
    campaign = good["kampanye"]
    assert "25 hari setelah penetapan DCT" in broken("kampanye", (date(2028, 12, 1), campaign[1]))
    assert "21 hari terakhir sebelum masa tenang" in broken(
        "rapat-umum", (date(2029, 3, 20), date(2029, 4, 14))
    )
    assert "H+35" in broken("penetapan-hasil", (date(2029, 5, 1), date(2029, 5, 24)))
    late = {**good, "perencanaan": (date(2027, 8, 19), date(2029, 8, 1))}
    late = {k: v for k, v in late.items() if v[0] is None or v[0] >= date(2027, 8, 19)}
    assert "20 bulan" in " ".join(warning_text(w) for w in conflicts(late, day))


def test_setting_the_voting_day_is_recorded_as_a_change(cli, quiet_day):
    assert cli("changes").exit_code in (0, 1)  # the history starts here
    assert cli("election", "set-voting-day", "pemilu-2029", "2029-04-18").exit_code == 0
    done = cli("changes")
    assert done.exit_code == 1
    assert "hari pemungutan suara diisi: 18 Apr 2029" in done.stdout
    assert "melalui tahapan election set-voting-day" in " ".join(done.stdout.split())
    refused = cli("election", "set-voting-day", "pemilu-2029", "H-3")
    assert refused.exit_code == 2 and "H" in refused.stderr
    unknown = cli("election", "set-voting-day", "pemilu-2034", "2034-02-14")
    assert unknown.exit_code == 2 and "pemilu tidak dikenal" in unknown.stderr


def test_a_programme_and_an_official_voting_day_are_not_set_by_hand(cli, quiet_day):
    programme = cli("election", "set-voting-day", "pdpb", "2027-01-01")
    assert programme.exit_code == 2 and "pdpb adalah program berkelanjutan" in programme.stderr
    official = cli("election", "set-voting-day", "pemilu-2024", "2024-03-01")
    assert official.exit_code == 2
    assert "tahapan stage set pemilu-2024/pemungutan-suara" in official.stderr
    h = cli("hitung", "-e", "pdpb", "H-3")
    assert h.exit_code == 2 and "program berkelanjutan tanpa hari pemungutan suara" in h.stderr
    assert "set-voting-day" not in h.stderr


def test_moving_the_voting_day_moves_its_day_off(cli, quiet_day):
    add = cli(
        "election", "add", "pemilu-2029", "--like", "pemilu-2024", "--voting-day", "2029-02-14"
    )
    assert add.exit_code == 0
    again = cli(
        "election", "add", "pemilu-2029", "--like", "pemilu-2024", "--voting-day", "2029-02-14"
    )
    assert again.exit_code == 2 and "pemilu pemilu-2029 sudah ada" in again.stderr
    moved = cli("election", "set-voting-day", "pemilu-2029", "2029-04-17")
    assert moved.exit_code == 0
    after = json.loads(
        cli("hitung", "-e", "pemilu-2029", "2029-04-16 + 1 hari kerja", "--json").stdout
    )
    assert after["result"]["date"] == "2029-04-18"  # 17 April is now the day off
    assert [d["date"] for d in after["days_off"]] == ["2029-04-17"]
    # 14 February is a working day again (Idul Fitri, 15-16 Feb, is not)
    before = json.loads(
        cli("hitung", "-e", "pemilu-2029", "2029-02-13 + 1 hari kerja", "--json").stdout
    )
    assert before["result"]["date"] == "2029-02-14"


def test_a_regional_plan_from_a_national_template_keeps_the_checks(cli, quiet_day):
    done = cli("election", "add", "pemilu-2029", "--like", "pemilu-2024", "--voting-day",
               "2029-02-14", "-r", "Jawa Timur")  # fmt: skip
    assert done.exit_code == 0, done.stderr
    assert done.stderr.count("peringatan") == 3
    off = cli(
        "hitung", "-e", "pemilu-2029", "-r", "Jawa Timur", "2029-02-14 .. 2029-02-14", "--json"
    )
    assert json.loads(off.stdout)["working_days"] == 0


def test_changes_survive_an_election_without_a_voting_day(cli, quiet_day, tmp_path):
    own = tmp_path / "kantor.toml"
    own.write_text(
        'schema = 1\n[[elections]]\nid = "rapat-2027"\nname = "Rapat"\nname_en = "Meeting"\n'
        'basis = "Undangan"\n',
        encoding="utf-8",
    )
    assert cli("changes").exit_code in (0, 1)
    added = cli("changes", "--data", str(own))
    assert added.exit_code == 1 and "hari pemungutan suara belum ditetapkan" in added.stdout
    gone = cli("changes")
    assert gone.exit_code == 1 and "dihapus" in gone.stdout


def test_an_officer_records_the_circulars_date_on_one_recap(cli, quiet_day):
    """The KPU circular sets the national recap on Thursday 17 December, not the estimated 16th:
    `stage set` on that occurrence records it, with its own source, and the mark goes."""
    done = cli("stage", "set", "pdpb/rekap-nasional-2026-12-16", "--start", "2026-12-17",
               "--end", "2026-12-17", "--basis", "Surat Edaran KPU Nomor 99/2026", "--confidence", "P")  # fmt: skip
    assert done.exit_code == 0, done.stderr
    body = json.loads(cli("status", "--json").stdout)
    national = next(u for u in body["programmes"][0]["upcoming"] if u["series"] == "rekap-nasional")
    assert (national["start"], national["projected"], national["occurrence"]) == (
        "2026-12-17",
        False,
        "2026-12-16",
    )
    ics = cli("calendar", "-e", "pdpb", "-f", "ics").stdout
    assert "RECURRENCE-ID;VALUE=DATE:20261216" in ics
    changed = cli("changes").stdout
    assert "jadwal pelaksanaan yang diubah: – → 2026-12-16: 2026-12-17..2026-12-17" in changed
    # a recap called off, then the record withdrawn: the estimate comes back
    off = cli("stage", "set", "pdpb/rekap-provinsi-2026-12-09", "--not-held", "--basis", "SE",
              "--confidence", "P")  # fmt: skip
    assert off.exit_code == 0
    assert "EXDATE;VALUE=DATE:20261209" in cli("calendar", "-e", "pdpb", "-f", "ics").stdout
    assert cli("stage", "remove", "pdpb/rekap-provinsi-2026-12-09").exit_code == 0
    assert "EXDATE" not in cli("calendar", "-e", "pdpb", "-f", "ics").stdout


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["pdpb/rekap-nasional-2026-12-17", "--end", "2026-12-17", "--basis", "x", "--confidence", "P"],
         "2026-12-17 bukan hari pelaksanaan rekap-nasional"),
        (["pdpb/rekap-nasional-2026-12-16", "--end", "2026-12-17"], "perlu dasar hukumnya sendiri"),
        (["pdpb/rekap-nasional-2026-12-16", "--end", "H-3", "--basis", "x", "--confidence", "P"],
         "ditulis dengan tanggal, bukan H"),
        (["pdpb/rekap-nasional-2026-12-16", "--name", "Rekap", "--basis", "x", "--confidence", "P"],
         "satu pelaksanaan hanya menerima"),
    ],
)  # fmt: skip
def test_one_occurrence_is_refused_what_it_cannot_hold(cli, quiet_day, args, words):
    done = cli("stage", "set", *args)
    assert done.exit_code == 2 and words in done.stderr, done.stderr
    assert not user_file().exists()  # nothing written


def test_programmes_are_shown_only_when_no_election_is_near(cli):
    # 29 November 2023, the Pemilu 2024 campaign: the election, not the programme
    body = json.loads(cli("status", "--json").stdout)
    assert body["programmes"] == [] and [e["id"] for e in body["elections"]] == ["pemilu-2024",
                                                                                "pilkada-2024"]  # fmt: skip
    assert "Pemutakhiran Data Pemilih" not in cli("status").stdout


def test_a_programme_line_in_check_has_no_h(cli, quiet_day):
    done = cli("check", "--within", "14", "-e", "pdpb")
    rows = [line.split("\t") for line in done.stdout.splitlines()]
    assert [(r[0], r[1], r[3]) for r in rows] == [
        ("2026-12-09", "-", "rekap-provinsi-2026-12-09"),
        ("2026-12-16", "-", "rekap-nasional-2026-12-16"),
    ]


def test_an_election_with_no_stage_has_no_empty_calendar(cli, quiet_day, tmp_path):
    done = cli("calendar", "-e", "pemilu-2029", "-f", "ics")
    assert done.exit_code == 2 and "tidak ada tahapan untuk kalender ini" in done.stderr
    site = tmp_path / "situs"
    assert cli("publish", str(site)).exit_code == 0
    assert not (site / "ics" / "pemilu-2029.ics").exists()  # RFC 5545: a calendar holds an event
    assert (site / "ics" / "pdpb.ics").exists()


def test_the_loaded_elections_are_listed_by_voting_day(cli, quiet_day):
    out = cli("status", "--lang", "en", env={"COLUMNS": "120"}).stdout
    table = out.split("Loaded elections")[1].split("Pick another date")[0]
    ids = [row.split()[-5] for row in table.splitlines() if len(row.split()) > 5]
    assert ids == [
        "pemilu-2024", "pilkada-2024", "psu-2025-03-22", "psu-2025-04-05", "psu-2025-04-09",
        "psu-2025-04-16", "psu-2025-04-19", "psu-2025-05-24", "psu-2025-08-06", "pemilihan-ulang-2025",
        "pemilu-2029",  # not set yet: last
    ]  # fmt: skip
