"""`tahapan calendar`: terminal grids, PDF, HTML printed by Chromium, iCalendar, CSV and JSON."""

from __future__ import annotations

import io
import json
import os
import re
from datetime import date, datetime, timedelta

import pytest

from conftest import needs_chromium, packages_loaded_by, print_html

PILKADA = ("calendar", "-e", "pilkada-2024")


def test_terminal_month_grid(cli):
    result = cli(*PILKADA, "--month", "2024-11")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[1] == "Pilkada Serentak 2024 — November 2024"
    assert lines[3].split("│")[1:8] == [
        "Sen        ",
        "Sel        ",
        "Rab       ",
        "Kam       ",
        "Jum       ",
        "Sab       ",
        "Min       ",
    ]
    voting_row = next(line for line in lines if "27★" in line)
    assert voting_row.split("│")[3].startswith("27★")  # Wednesday 27 November 2024
    assert "  ★ 27 Nov 2024: hari pemungutan suara Pilkada Serentak 2024" in lines
    assert any(line.startswith("  D Pelaksanaan kampanye  25 Sep – 23 Nov 2024") for line in lines)
    assert lines[-1] == "  * Libur: 27 Hari Pemilihan Kepala Daerah"


def test_cuti_bersama_has_its_own_mark(cli):
    lines = cli(*PILKADA, "--month", "2024-04").stdout.splitlines()
    row = next(line for line in lines if line.startswith("│ 8"))
    assert [cell.strip() for cell in row.split("│")[1:6]] == ["8+", "9+", "10*", "11*", "12+"]
    assert "  * Libur: 10 Hari Raya Idul Fitri; 11 Hari kedua dari Hari Raya Idul Fitri" in lines
    assert any(
        line.startswith("  + Cuti bersama: 8 Cuti Bersama Hari Raya Idul Fitri") for line in lines
    )
    html = cli(*PILKADA, "--month", "2024-04", "-f", "html").stdout
    assert (
        '<div class="cell holiday" style="grid-column:1"></div><div class="num cuti" '
        'style="grid-column:1">8 <span class="note narrow">Cuti Bersama Hari Raya Idul Fitri</span></div>'
    ) in html


def test_default_months_run_from_today_to_the_next_stage(cli):
    # TAHAPAN_NOW is 29 November 2023, in the 2024 campaign: the next stage starts in January
    data = json.loads(cli("calendar", "-e", "pemilu-2024", "-f", "json").stdout)
    assert (data["from"], data["to"]) == ("2023-11-01", "2024-01-31")
    november = data["months"][0]
    day = next(d for d in november["days"] if d["date"] == "2023-11-29")
    symbols = {s["symbol"]: s["path"] for s in data["stages"]}
    assert "kampanye" in [symbols[s] for s in day["stages"]]


def test_default_months_from_another_date(cli):
    data = json.loads(cli(*PILKADA, "--on", "2024-06-10", "-f", "json").stdout)
    # coklit starts 24 June: this month and the next (at least two months)
    assert (data["from"], data["to"]) == ("2024-06-01", "2024-07-31")


def test_nothing_current_asks_for_months(cli, monkeypatch):
    monkeypatch.setenv("TAHAPAN_NOW", "2026-11-23T08:00:00+07:00")
    result = cli("calendar", "-e", "pemilu-2024")
    assert (result.exit_code, result.stderr) == (
        2,
        "tahapan: tidak ada tahapan yang berjalan atau akan datang; sebutkan bulannya\n"
        "  Contoh: --month 2024-11, --year 2024, atau --from 2024-06-01 --to 2024-12-31.\n",
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--month", "2024-13"),
            "tahapan: bulan tidak dikenali: '2024-13'\n  Tulis TTTT-BB, misalnya 2024-11.\n",
        ),
        (("--month", "2024-11", "--year", "2024"), "tahapan: pilih satu dari --month, --year\n"),
        (("--from", "2024-01-01"), "tahapan: --from dan --to harus diberikan bersama\n"),
        (
            ("--from", "2024-05-01", "--to", "2024-01-01"),
            "tahapan: --to 2024-01-01 lebih awal dari --from 2024-05-01\n",
        ),
        (
            ("--from", "2020-01-01", "--to", "2030-01-01"),
            "tahapan: terlalu banyak bulan: paling banyak 36 dalam satu kalender\n",
        ),
    ],
)
def test_bad_ranges(cli, args, message):
    result = cli(*PILKADA, *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)


def test_pdf_has_one_page_per_month_with_the_right_text(cli, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "pilkada.pdf"
    # September's whole names on its short bars take a second page; --one-page keeps it to one
    result = cli(*PILKADA, "--year", "2024", "-f", "pdf", "-o", str(out), "--one-page")
    assert result.exit_code == 0, result.output
    reader = PdfReader(out)
    assert len(reader.pages) == 12
    months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
              "September", "Oktober", "November", "Desember"]  # fmt: skip
    for page, month in zip(reader.pages, months, strict=True):
        text = " ".join(page.extract_text().split())  # the title's no-break spaces too
        assert f"Pilkada Serentak 2024 — {month} 2024" in text
        assert "Dasar hukum: Pilkada Serentak 2024: PKPU 2/2024" in text
        assert "Dibuat 29 November 2023 dengan tahapan" in text
    november = " ".join(reader.pages[10].extract_text().split())
    assert (
        "Pemungutan suara" in november and "Pelaksanaan kampanye 25 Sep – 23 Nov 2024" in november
    )
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)  # A4 landscape


def odd_pdf(cli, path, odd_names, *extra):
    """The odd names' February as a PDF at ``path``, and its first page's text."""
    from pypdf import PdfReader

    args = ("calendar", "-e", "aneh", "--month", "2024-02", "-f", "pdf", "-o", str(path))
    result = cli(*args, "--data", str(odd_names), *extra)
    assert result.exit_code == 0, result.output
    return PdfReader(path).pages[0]


def test_pdf_survives_text_outside_the_font(cli, tmp_path, odd_names):
    page = odd_pdf(cli, tmp_path / "aneh.pdf", odd_names, "--lang", "en")
    text = page.extract_text()
    assert "? emoji" in text  # DejaVu has no 🎉: the fallback glyph stands in
    page = odd_pdf(cli, tmp_path / "aneh-id.pdf", odd_names)
    assert "Uji <b>&</b>" in page.extract_text()  # markup from the data is text, not markup


def test_pdf_without_dejavu_uses_the_core_font(cli, tmp_path, odd_names, monkeypatch):
    from tahapan.render import pdf_text

    monkeypatch.setattr(pdf_text, "FONT_DIRS", (tmp_path / "no-fonts",))
    page = odd_pdf(cli, tmp_path / "core.pdf", odd_names)
    fonts = page["/Resources"]["/Font"]
    assert {str(f.get_object()["/BaseFont"]) for f in fonts.values()} == {
        "/Helvetica",
        "/Helvetica-Bold",
    }
    assert "<script>alert('x')</script>" in page.extract_text()


def test_html_is_self_contained_and_escaped(cli, tmp_path, odd_names):
    result = cli(
        "calendar", "-e", "aneh", "--month", "2024-02", "-f", "html", "--data", str(odd_names)
    )
    assert result.exit_code == 0, result.output
    html = result.stdout
    assert "<script>" not in html and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "http://" not in html and "https://" not in html and "@import" not in html
    assert "@page { size: A4 landscape" in html


@needs_chromium
def test_html_prints_one_page_per_month_in_chromium(cli, tmp_path):
    from pypdf import PdfReader

    page = tmp_path / "kalender.html"
    assert cli(*PILKADA, "--year", "2024", "-f", "html", "-o", str(page)).exit_code == 0
    reader = PdfReader(print_html(page, tmp_path))
    assert len(reader.pages) == 12
    assert "Pilkada Serentak 2024 — Juli 2024" in reader.pages[6].extract_text()


def test_ics_events_have_exclusive_ends_and_stable_uids(cli):
    import icalendar

    first = cli(*PILKADA, "-f", "ics").stdout
    again = cli(*PILKADA, "-f", "ics").stdout
    events = [c for c in icalendar.Calendar.from_ical(first).walk("VEVENT")]
    uids = [str(e["uid"]) for e in events]
    assert len(uids) == len(set(uids)) == 23
    assert uids == [str(e["uid"]) for e in icalendar.Calendar.from_ical(again).walk("VEVENT")]
    campaign = next(e for e in events if str(e["uid"]) == "pilkada-2024.kampanye@tahapan.invalid")
    assert campaign["dtstart"].dt == date(2024, 9, 25)
    assert campaign["dtend"].dt == date(2024, 11, 24)  # the day after the last day
    assert str(campaign["summary"]) == "Pelaksanaan kampanye"
    assert "Dasar hukum: PKPU 2/2024" in str(campaign["description"])
    assert "Kepastian: 2S" in str(campaign["description"])
    assert campaign["categories"].cats == ["pilkada-2024"]
    # DTSTAMP is LAST-MODIFIED: here the shipped data's revision, not the clock
    assert campaign["dtstamp"].dt.isoformat() == "2026-12-06T00:00:00+00:00"
    assert int(campaign["sequence"]) == 0
    assert not list(campaign.walk("VALARM"))


def test_ics_alarms_before_the_first_and_the_last_day_at_eight(cli):
    import icalendar

    text = cli(*PILKADA, "-f", "ics", "--alarm", "7", "--alarm", "1", "--lang", "en").stdout
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    campaign = next(e for e in events if str(e["uid"]).startswith("pilkada-2024.kampanye@"))
    assert str(campaign["summary"]) == "Campaign period"

    def rings(event) -> list[tuple[str, str]]:
        out = []
        for alarm in event.walk("VALARM"):
            related = alarm["trigger"].params.get("RELATED", "START")
            base = event["dtstart" if related == "START" else "dtend"].dt
            moment = datetime.combine(base, datetime.min.time()) + alarm["trigger"].dt
            out.append((moment.isoformat(), str(alarm["description"])))
        return sorted(out)

    # 25 Sep - 23 Nov 2024: a week and a day before it starts, and before its last day
    assert rings(campaign) == [
        ("2024-09-18T08:00:00", "Campaign period: starts in 7 days"),
        ("2024-09-24T08:00:00", "Campaign period: starts tomorrow"),
        ("2024-11-16T08:00:00", "Campaign period: ends in 7 days"),
        ("2024-11-22T08:00:00", "Campaign period: ends tomorrow"),
    ]
    voting = next(e for e in events if str(e["uid"]).startswith("pilkada-2024.pemungutan-suara@"))
    assert [when for when, _ in rings(voting)] == ["2024-11-20T08:00:00", "2024-11-26T08:00:00"]


def test_ics_alarms_are_read_by_an_independent_reader(cli):
    import vobject

    text = cli(*PILKADA, "-f", "ics", "--alarm", "3").stdout
    parsed = vobject.readOne(io.StringIO(text))
    campaign = next(
        e for e in parsed.vevent_list if e.uid.value.startswith("pilkada-2024.kampanye@")
    )
    triggers = sorted(
        (a.trigger.params.get("RELATED", ["START"])[0], a.trigger.value)
        for a in campaign.valarm_list
    )
    assert triggers == [
        ("END", -timedelta(days=4) + timedelta(hours=8)),
        ("START", -timedelta(days=3) + timedelta(hours=8)),
    ]


def test_ics_is_read_by_an_independent_reader(cli):
    import vobject

    text = cli("calendar", "-e", "pemilu-2024", "-f", "ics").stdout
    parsed = vobject.readOne(io.StringIO(text))
    events = {e.uid.value: e for e in parsed.vevent_list}
    campaign = events["pemilu-2024.kampanye@tahapan.invalid"]
    assert (campaign.dtstart.value, campaign.dtend.value) == (date(2023, 11, 28), date(2024, 2, 11))
    # the 75 days of the campaign, both ends counted: DTEND - DTSTART
    assert (campaign.dtend.value - campaign.dtstart.value).days == 75
    assert all(not e.uid.value.startswith("pemilu-2024.putaran-kedua") for e in events.values())


def test_ics_of_months_holds_only_their_stages(cli):
    import icalendar

    text = cli(*PILKADA, "-f", "ics", "--month", "2024-07").stdout
    paths = [str(e["uid"]).split("@")[0] for e in icalendar.Calendar.from_ical(text).walk("VEVENT")]
    assert "pilkada-2024.pemutakhiran-data-pemilih.coklit" in paths
    assert "pilkada-2024.pemungutan-suara" not in paths


def test_csv_neutralises_formulas(cli, odd_names):
    text = cli("calendar", "-e", "aneh", "-f", "csv", "--data", str(odd_names)).stdout
    assert '\'=HYPERLINK("http://x";"klik")' in text.replace('""', '"')
    assert (
        text.splitlines()[0]
        == "election,path,name,name_en,start,end,days,basis,confidence,projected,repeat"
    )


def test_calendar_writes_a_file_and_keeps_the_old_one(cli, tmp_path):
    out = tmp_path / "k.json"
    out.write_text("lama\n", encoding="utf-8")
    assert cli(*PILKADA, "--month", "2024-11", "-f", "json", "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["from"] == "2024-11-01"
    assert (tmp_path / "k.json.bak").read_text(encoding="utf-8") == "lama\n"


def test_each_format_loads_only_its_library():
    assert not packages_loaded_by(*PILKADA, "--month", "2024-11") & {"fpdf", "icalendar"}
    assert "icalendar" not in packages_loaded_by(
        *PILKADA, "--month", "2024-11", "-f", "pdf", "-o", os.devnull
    )
    assert not packages_loaded_by(*PILKADA, "-f", "ics") & {"fpdf", "rich"}


def test_output_into_a_pipe_or_symlink_keeps_what_it_is(cli, tmp_path):
    import threading

    fifo = tmp_path / "pipa"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    assert cli(*PILKADA, "--month", "2024-11", "-f", "json", "-o", str(fifo)).exit_code == 0
    reader.join(timeout=30)
    assert json.loads(received[0])["from"] == "2024-11-01"
    assert fifo.is_fifo() and not (tmp_path / "pipa.bak").exists()
    real = tmp_path / "nyata.json"
    real.write_text("{}", encoding="utf-8")
    link = tmp_path / "tautan.json"
    link.symlink_to(real)
    assert cli(*PILKADA, "--month", "2024-11", "-f", "json", "-o", str(link)).exit_code == 0
    assert link.is_symlink() and json.loads(real.read_text())["from"] == "2024-11-01"
    assert (tmp_path / "nyata.json.bak").read_text() == "{}"
    assert cli(*PILKADA, "--month", "2024-11", "-o", str(tmp_path), "-f", "json").exit_code == 2


@pytest.fixture
def odd_names(tmp_path):
    """A schedule whose names carry HTML, quotes, newlines, control and right-to-left characters,
    emoji and a spreadsheet formula."""
    path = tmp_path / "aneh.toml"
    path.write_text(
        'schema = 1\n[[elections]]\nid = "aneh"\nname = "Uji <b>&</b> \\"kutip\\""\nname_en = "Odd"\n'
        'voting_day = 2024-02-14\nbasis = "Surat\\nbaris dua \\u202eRTL"\n'
        '[[elections.stages]]\nid = "a"\nname = "<script>alert(\'x\')</script>"\nname_en = "🎉 emoji \\u0007"\n'
        'start = 2024-02-01\nend = 2024-02-10\nbasis = "=HYPERLINK(\\"http://x\\";\\"klik\\")"\nconfidence = "P"\n'
        '[[elections.stages]]\nid = "b"\nname = "مرحبا \\u200f kanan-ke-kiri"\nname_en = "RTL"\n'
        'start = 2024-02-05\nend = 2024-02-20\nbasis = "+62 812"\nconfidence = "1S"\n',
        encoding="utf-8",
    )
    return path


def test_a_day_is_classified_once_for_every_calendar():
    from tahapan.days.monthgrid import Day
    from tahapan.days.workdays import Closed

    def day(d: date, *, voting=(), off=None, in_month=True) -> Day:
        holiday = None if off is None else Closed(d, off, "Libur", "Holiday")
        return Day(day=d, in_month=in_month, marks=(), voting=voting, holiday=holiday)

    assert day(date(2024, 11, 27), voting=("pilkada-2024",), off="public").kind == "voting"
    assert day(date(2024, 6, 1), off="public").kind == "holiday"  # a Saturday holiday
    assert day(date(2024, 6, 1), off="public", in_month=False).weekend  # shaded as a weekend
    assert day(date(2024, 12, 26), off="cuti").kind == "cuti"
    assert [day(date(2024, 6, d)).kind for d in (2, 3)] == ["sunday", "workday"]


def test_an_empty_english_name_falls_back_to_the_indonesian_one():
    from tahapan.i18n import pick, set_language

    set_language("en")
    try:
        assert pick("Libur lokal", "") == pick("Libur lokal", None) == "Libur lokal"
        assert pick("Libur", "Holiday") == "Holiday"
    finally:
        set_language("id")


@pytest.mark.parametrize("width", ["40", "80"])
def test_terminal_key_hangs_and_never_splits_a_date(cli, monkeypatch, width):
    monkeypatch.setenv("COLUMNS", width)
    out = cli(*PILKADA, "--month", "2024-11").stdout
    lines = out.splitlines()
    assert all(len(line) <= int(width) and line == line.rstrip() for line in lines)
    key = lines[lines.index(next(line for line in lines if line.startswith("  A "))) :]
    # every continuation line hangs under the names, and every stage's dates sit whole on one line
    assert all(re.match(r"  \S \S|    \S", line) for line in key), key
    for dates in ("27 Feb – 16 Nov 2024", "27 Nov – 16 Des 2024", "30 Nov – 9 Des 2024"):
        assert any(dates in line for line in key), dates


def test_terminal_leaves_other_months_days_empty(cli):
    grid = cli(*PILKADA, "--month", "2024-11").stdout.splitlines()[5]
    # 28-31 October are not November's: the first row starts with four empty cells, then 1
    cells = [c.strip() for c in grid.strip("│").split("│")]
    assert cells[:4] == ["", "", "", ""] and cells[4].startswith("1")
