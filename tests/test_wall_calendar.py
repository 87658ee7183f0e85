"""Printed calendars that stay whole when a month is busy: every stage named, nothing under 7 pt, bars
in lanes that hold, honest marks for an unknown start and a whole-month stage, HTML that prints."""

from __future__ import annotations

import json
import math
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import needs_chromium, print_html

PILKADA = ("calendar", "-e", "pilkada-2024")
NOVEMBER = (*PILKADA, "--month", "2024-11")


def busy_file(path: Path, count: int, *, spread: int = 8, long_names: bool = False) -> Path:
    """Pilkada 2024 with ``count`` local security operations starting 20 Nov 2024 and over the next
    ``spread`` days, each three to five days long: as a police planning unit would add them."""
    lines = ["schema = 1", "", "[[elections]]", 'id = "pilkada-2024"']
    for i in range(count):
        start = date(2024, 11, 20) + timedelta(days=i % spread)
        end = start + timedelta(days=2 + i % 3)
        name = (
            f"Operasi pengamanan TPS rawan wilayah sektor {i + 1:02d} bersama Polsek dan TNI"
            if long_names
            else f"Operasi pengamanan {i + 1:02d}"
        )
        lines += [
            "",
            "[[elections.stages]]",
            f'id = "ops-{i + 1:02d}"',
            f'name = "{name}"',
            f'name_en = "Security operation {i + 1:02d}"',
            f"start = {start.isoformat()}",
            f"end = {end.isoformat()}",
            'basis = "Sprin Polres"',
            'confidence = "P"',
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def month_stages(cli, *args: str) -> list[dict]:
    """The stages the calendar's JSON lists for the same months: what every view must show."""
    result = cli(*args, "-f", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["stages"]


def pdf_pages(path: Path) -> list[str]:
    """Each page's text with every run of white space (line ends, no-break spaces) made one space."""
    from pypdf import PdfReader

    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def text_sizes(path: Path) -> dict[float, str]:
    """Every text size on every page (in points, as printed), each with a text set in it."""
    from pypdf import PdfReader

    sizes: dict[float, str] = {}

    def visit(text, cm, tm, _font, size):
        if text.strip():
            printed = size * math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
            sizes.setdefault(round(printed, 2), text.strip())

    for page in PdfReader(path).pages:
        page.extract_text(visitor_text=visit)
    return sizes


@pytest.fixture
def busy(tmp_path):
    return busy_file(tmp_path / "operasi.toml", 16)


def test_busy_november_pdf_names_every_stage_and_voting_day(cli, tmp_path, busy):
    stages = month_stages(cli, *NOVEMBER, "--data", str(busy))
    assert len(stages) == 16 + 10  # the operations and Pilkada's own stages of November
    out = tmp_path / "busy.pdf"
    assert cli(*NOVEMBER, "--data", str(busy), "-f", "pdf", "-o", str(out)).exit_code == 0
    pages = pdf_pages(out)
    text = " ".join(pages)
    for stage in stages:
        assert f"{stage['name']} " in text, stage["name"]
    # voting day's note and its stage's bar (the top lane) sit in the same week, on the same page
    voting_page = next(p for p in pages if "★ Pemungutan suara" in p)
    voting = next(s for s in stages if s["path"] == "pemungutan-suara")
    assert f"{voting['symbol']} Pemungutan suara" in voting_page
    assert all("Dasar hukum: Pilkada Serentak 2024: PKPU 2/2024" in p for p in pages)
    assert all("Dibuat 29 November 2023 dengan tahapan" in p for p in pages)
    sizes = text_sizes(out)
    assert min(sizes) >= 7, {s: t for s, t in sizes.items() if s < 7}


def test_forty_activities_in_one_week_go_on_over_pages(cli, run, tmp_path):
    """So many bars that a week does not fit a page: the week goes on over the next page, each
    page says which part of the month it is, and every activity is still named."""
    data = busy_file(tmp_path / "banyak.toml", 40, spread=3, long_names=True)
    stages = month_stages(cli, *NOVEMBER, "--data", str(data))
    assert len(stages) == 40 + 10
    out = tmp_path / "banyak.pdf"
    done = run(*NOVEMBER, "--data", str(data), "-f", "pdf", "-o", str(out))
    assert done.returncode == 0, done.stderr
    pages = pdf_pages(out)
    assert len(pages) >= 3
    for n, page in enumerate(pages, 1):
        assert page.startswith(f"Pilkada Serentak 2024 — November 2024 ({n}/{len(pages)})")
    text = " ".join(pages)
    for stage in stages:
        assert stage["name"] in text, stage["name"]
    voting = next(s for s in stages if s["path"] == "pemungutan-suara")
    assert f"{voting['symbol']} Pemungutan suara" in next(p for p in pages if "★" in p)
    assert min(text_sizes(out)) >= 7


def test_shipped_year_has_no_text_under_7pt_and_the_campaign_keeps_its_lane(cli, tmp_path):
    from tahapan import load_catalog
    from tahapan.reports.calendar import build

    out = tmp_path / "pilkada.pdf"
    assert cli(*PILKADA, "--year", "2024", "-f", "pdf", "-o", str(out)).exit_code == 0
    sizes = text_sizes(out)
    assert min(sizes) >= 7, {s: t for s, t in sizes.items() if s < 7}
    pages = pdf_pages(out)
    # one letter for the campaign on every page it runs in
    campaign = next(
        s for s in month_stages(cli, *PILKADA, "--year", "2024") if s["path"] == "kampanye"
    )
    for month in ("September", "Oktober", "November"):
        page = next(p for p in pages if f"— {month} 2024" in p)
        assert f"{campaign['symbol']} Pelaksanaan kampanye" in page
    election = next(e for e in load_catalog().elections if e.id == "pilkada-2024")
    report = build([election], date(2024, 1, 1), date(2024, 12, 1), generated=date(2024, 1, 1))
    index = next(i for i, m in enumerate(report.marks) if m.ref.path == "kampanye")
    lanes = {
        (month.month, s.lane)
        for month in report.months
        for week in month.segments
        for s in week
        if s.mark == index
    }
    assert lanes == {(9, 0), (10, 0), (11, 0)}


def test_each_stage_keeps_one_lane_through_each_shipped_month():
    """In every month of every shipped election, a stage's bars share one lane, no two bars of a
    week overlap, and the bars cover exactly the days between the stage's own dates."""
    from tahapan import load_catalog
    from tahapan.reports.calendar import build
    from tahapan.schedule.recurrence import expand

    for shipped in load_catalog().elections:
        if not shipped.stages:  # Pemilu 2029: nothing dated yet
            continue
        # PDPB's recaps repeat: their occurrences through 2027 are what a grid shows
        election = expand(shipped, date(2025, 1, 1), date(2027, 12, 31))
        first = min(s.start or s.end for s in election.stages)
        last = max(s.end for s in election.stages)
        report = build([election], first, last, generated=first)
        stages = {(s.id, s.start, s.end) for _, s in election.walk() if s.held}
        dated = {i: m.ref.stage for i, m in enumerate(report.marks) if m.ref.stage.start}
        assert {(s.id, s.start, s.end) for s in dated.values()} == {
            s for s in stages if s[1] is not None
        }
        for month in report.months:
            lane_of: dict[int, set[int]] = {}
            for week, segments in zip(month.weeks, month.segments, strict=True):
                taken: set[tuple[int, int]] = set()
                for s in segments:
                    lane_of.setdefault(s.mark, set()).add(s.lane)
                    cells = {(s.lane, col) for col in range(s.first, s.last + 1)}
                    assert not cells & taken, (election.id, month.month, s)
                    taken |= cells
                    assert all(s.mark in week[col].marks for col in range(s.first, s.last + 1))
                drawn = {
                    (s.mark, col)
                    for s in segments
                    if s.mark in dated
                    for col in range(s.first, s.last + 1)
                }
                # from the stages' dates alone, not from the grid's own day lists
                expected = {
                    (i, col)
                    for col, d in enumerate(week)
                    if d.in_month
                    for i, stage in dated.items()
                    if i not in month.band and stage.start <= d.day <= stage.end
                }
                assert drawn == expected, (election.id, month.month)
            assert all(len(lanes) == 1 for lanes in lane_of.values()), (election.id, month.month)


def test_voting_day_and_campaign_take_the_top_lanes_and_strong_colours(cli, busy):
    from tahapan.days.palette import PALETTE, STRONG

    data = json.loads(cli(*NOVEMBER, "--data", str(busy), "-f", "json").stdout)
    colours = {s["path"]: s["colour"] for s in data["stages"]}
    assert colours["pemungutan-suara"] == STRONG[0] and colours["kampanye"] == STRONG[1]
    assert not set(STRONG.values()) & set(PALETTE)
    assert {c for p, c in colours.items() if p.startswith("ops-")} <= set(PALETTE)


def test_bar_text_reads_at_wcag_aa_on_every_fill():
    from tahapan.colours import contrast, faded, ink
    from tahapan.days.palette import PALETTE, STRONG

    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # a known near miss
    assert ink("#1565c0") == "#ffffff" and ink("#f9a825") == "#000000"
    for colour in (*PALETTE, *STRONG.values()):
        for fill in (colour, faded(colour)):
            assert contrast(fill, ink(fill)) >= 4.5, fill


def test_unknown_start_shows_from_the_month_start_as_uncertain(cli, tmp_path):
    """Pilkada's rules are due by 18 Nov 2024 with no start in the sources: shown from 1 Nov with a
    '?' in every view, never as a one-day stage."""
    data = json.loads(cli(*NOVEMBER, "-f", "json").stdout)
    rules = next(s for s in data["stages"] if s["start"] is None)
    days = [d["date"] for d in data["months"][0]["days"] if rules["symbol"] in d["stages"]]
    assert days[0] == "2024-11-01" and days[-1] == rules["end"] == "2024-11-18"
    out = tmp_path / "nov.pdf"
    assert cli(*NOVEMBER, "-f", "pdf", "-o", str(out)).exit_code == 0
    assert f"? {rules['symbol']} {rules['name']}" in pdf_pages(out)[0]
    html = cli(*NOVEMBER, "-f", "html").stdout
    assert '<div class="bar unknown" style="grid-column:5 / 8;grid-row:' in html
    assert (
        f'<span class="tag">? {rules["symbol"]}</span><span class="name"> {rules["name"]}</span></div>'
    ) in html


def test_a_whole_month_stage_gets_a_band(cli, tmp_path):
    june = (*PILKADA, "--month", "2024-06")
    data = json.loads(cli(*june, "-f", "json").stdout)
    band = data["months"][0]["band"][0]  # from 27 Feb to 16 Nov, the first of four
    stage = next(s for s in data["stages"] if s["symbol"] == band)
    out = tmp_path / "juni.pdf"
    assert cli(*june, "-f", "pdf", "-o", str(out)).exit_code == 0
    line = f"{band} {stage['name']} — sepanjang bulan (27 Feb – 16 Nov 2024)"
    assert line in pdf_pages(out)[0]
    html = cli(*june, "-f", "html").stdout
    assert (
        f'<div class="band" style="background:{stage["colour"]};color:#ffffff">{line}</div>' in html
    )


def test_html_grows_instead_of_clipping(cli, busy):
    from tahapan.render.calendar_html import STYLE

    html = cli(*NOVEMBER, "--data", str(busy), "-f", "html").stdout
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert "height: 190mm" not in STYLE and "overflow: hidden; }" not in STYLE.split("div.bar")[0]
    assert "@media screen and (max-width: 640px)" in STYLE
    assert html.count('<div class="week"') == 5


@needs_chromium
def test_busy_november_html_prints_whole_in_chromium(cli, tmp_path, busy):
    stages = month_stages(cli, *NOVEMBER, "--data", str(busy))
    assert len(stages) == 16 + 10
    page = tmp_path / "busy.html"
    assert cli(*NOVEMBER, "--data", str(busy), "-f", "html", "-o", str(page)).exit_code == 0
    printed = print_html(page, tmp_path)
    text = " ".join(pdf_pages(printed))
    for stage in stages:
        assert stage["name"] in text, stage["name"]
    assert "Dasar hukum: Pilkada Serentak 2024: PKPU 2/2024" in text
    assert "Dibuat 29 November 2023 dengan tahapan" in text
    sizes = text_sizes(printed)
    assert min(sizes) >= 6.9, {s: t for s, t in sizes.items() if s < 6.9}  # Chromium rounds 7pt


def test_letters_and_colours_agree_across_formats(cli, tmp_path, busy):
    """The same stage has the same letter in the terminal key, the PDF, the HTML and the JSON, and
    the same colour in the HTML as in the JSON."""
    from tahapan.colours import ink

    args = (*NOVEMBER, "--data", str(busy))
    stages = month_stages(cli, *args)
    term = cli(*args).stdout
    html = cli(*args, "-f", "html").stdout
    out = tmp_path / "busy.pdf"
    assert cli(*args, "-f", "pdf", "-o", str(out)).exit_code == 0
    pdf = " ".join(pdf_pages(out))
    assert len(stages) == 16 + 10
    for stage in stages:
        symbol, name, fill = stage["symbol"], stage["name"], stage["fill"]
        assert f"  {symbol} {name}" in term
        assert f"{symbol} {name}" in pdf
        # the key's square: the colour the JSON says is drawn, its letter, its name, in one piece
        assert f'background:{fill};color:{ink(fill)}">{symbol}</span>{name} — ' in html
        if stage["start"] is not None:  # and its bars, in the same colour
            assert f'background:{fill};color:{ink(fill)}" title="{symbol} {name}">' in html


def text_heights(path: Path) -> list[float]:
    """The baseline of every text on every page, in points from the page's foot."""
    from pypdf import PdfReader

    found: list[float] = []
    for page in PdfReader(path).pages:
        page.extract_text(
            visitor_text=lambda text, cm, tm, *_: (
                found.append(tm[5] * cm[3] + cm[5]) if text.strip() else None
            )
        )
    return found


def test_a_long_title_keeps_its_month(cli, tmp_path):
    """Two 2025 elections with long names: the title wraps, names only those with a stage in the
    month, and every page still says its month."""
    out = tmp_path / "2025.pdf"
    args = ("calendar", "-e", "pemilihan-ulang-2025", "-e", "psu-2025-04-19", "--year", "2025")
    assert cli(*args, "-f", "pdf", "-o", str(out)).exit_code == 0
    pages = pdf_pages(out)
    months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
              "September", "Oktober", "November", "Desember"]  # fmt: skip
    assert len(pages) == 12
    for page, month in zip(pages, months, strict=True):
        named = "Pemilihan Ulang 2025 Kota Pangkalpinang dan Kabupaten Bangka"
        if month == "April":  # the re-vote of 19 April has its stages in April only
            named += " · PSU Pilkada 2024 — 19 April 2025"
        # from October neither has a stage: the page is the month alone, under no election's name
        title = f"{month} 2025 " if month in months[9:] else f"{named} — {month} 2025 "
        assert page.startswith(title)


def test_letters_stay_unique_past_sixty_two_stages(cli, tmp_path):
    from tahapan.days.monthgrid import symbol

    assert len({symbol(i) for i in range(1000)}) == 1000
    data = busy_file(tmp_path / "70.toml", 70, spread=5)
    stages = month_stages(cli, *NOVEMBER, "--data", str(data))
    symbols = [s["symbol"] for s in stages]
    assert len(symbols) == len(set(symbols)) == 80 and "AA" in symbols
    # in the terminal's cells the letters are spaced once some are two characters long
    assert "│27★ " in cli(*NOVEMBER, "--data", str(data)).stdout
    # the key's square holds two letters: each stage's letter stands before its name
    out = tmp_path / "70.pdf"
    assert cli(*NOVEMBER, "--data", str(data), "-o", str(out)).exit_code == 0
    text = " ".join(pdf_pages(out))
    for stage in stages:
        assert f"{stage['symbol']} {stage['name']} " in text, stage["symbol"]


def test_many_whole_month_bands_flow_over_pages(cli, tmp_path):
    """Forty year-long activities: bands that fill a page go on over the next, once; the grid
    follows; nothing is drawn off the page and every name is printed."""
    lines = ["schema = 1", "", "[[elections]]", 'id = "pilkada-2024"']
    for i in range(40):
        lines += ["", "[[elections.stages]]", f'id = "tahunan-{i:02d}"',
                  f'name = "Kegiatan sepanjang tahun {i:02d}"', f'name_en = "All-year {i:02d}"',
                  "start = 2024-01-01",
                  "end = 2024-12-31", 'basis = "Renja"', 'confidence = "P"']  # fmt: skip
    data = tmp_path / "tahunan.toml"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "tahunan.pdf"
    assert cli(*NOVEMBER, "--data", str(data), "-f", "pdf", "-o", str(out)).exit_code == 0
    pages = pdf_pages(out)
    assert 2 <= len(pages) <= 4
    text = " ".join(pages)
    for i in range(40):
        assert text.count(f"Kegiatan sepanjang tahun {i:02d} ") == 2  # its band and its key line
    assert all("Dibuat 29 November 2023 dengan tahapan" in p for p in pages)
    assert sum("Senin Selasa Rabu Kamis Jumat Sabtu Minggu" in p for p in pages) >= 1
    assert all(0 < y < 595 for y in text_heights(out))


def test_every_text_colour_reads_on_its_background():
    from tahapan import colours as c

    backgrounds = ("#ffffff", c.SHADE, c.VOTING_DAY, c.HEADER)
    for text in (c.HOLIDAY, c.CUTI, c.WARNING, c.QUIET):
        for background in backgrounds:
            assert c.contrast(text, background) >= 4.5, (text, background)


def test_an_unknown_start_is_never_a_one_day_bar(cli, tmp_path):
    """A deadline on the 1st with no start: shown from where status counts it as running."""
    data = tmp_path / "tenggat.toml"
    data.write_text(
        'schema = 1\n\n[[elections]]\nid = "pilkada-2024"\n\n[[elections.stages]]\n'
        'id = "laporan"\nname = "Laporan awal"\nname_en = "First report"\nend = 2024-12-01\nbasis = "Surat"\n'
        'confidence = "P"\n',
        encoding="utf-8",
    )
    args = (*PILKADA, "--from", "2024-10-01", "--to", "2024-12-31", "--data", str(data))
    report = json.loads(cli(*args, "-f", "json").stdout)
    (stage,) = [s for s in report["stages"] if s["path"] == "laporan"]
    # the band of October and November, then its last day in December's cells
    bands = [m["month"] for m in report["months"] if stage["symbol"] in m["band"]]
    cells = [
        d["date"] for m in report["months"] for d in m["days"] if stage["symbol"] in d["stages"]
    ]
    assert bands == ["2024-10", "2024-11"] and cells == ["2024-12-01"]


@needs_chromium
def test_a_week_too_busy_for_a_printed_page_repeats_its_title_and_days(cli, tmp_path):
    data = busy_file(tmp_path / "70.toml", 70, spread=5)
    stages = month_stages(cli, *NOVEMBER, "--data", str(data))
    assert len(stages) == 70 + 10
    page = tmp_path / "busy.html"
    assert cli(*NOVEMBER, "--data", str(data), "-f", "html", "-o", str(page)).exit_code == 0
    pages = pdf_pages(print_html(page, tmp_path))
    assert len(pages) >= 3
    for text in pages:
        assert text.startswith("Pilkada Serentak 2024 — November 2024 Senin Selasa Rabu")
        assert "Dibuat 29 November 2023 dengan tahapan" in text
    # both busy weeks go on over a second page, with their day numbers again
    assert sum(" 18 19 20 21 22 23 24 " in p for p in pages) >= 2
    assert sum(" 25 26 27 ★ Pemungutan suara 28 29 30 " in p for p in pages) >= 2
    text = " ".join(pages)
    for stage in stages:
        assert stage["name"] in text, stage["name"]


def test_the_terminal_grid_goes_into_a_file_as_plain_text(cli, tmp_path):
    out = tmp_path / "kalender.txt"
    result = cli(*NOVEMBER, "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == f"tahapan: ditulis {out}\n"
    text = out.read_text(encoding="utf-8")
    assert "\x1b" not in text
    assert text.splitlines()[1] == "Pilkada Serentak 2024 — November 2024"
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "  ★ 27 Nov 2024: hari pemungutan suara Pilkada Serentak 2024" in text


def test_the_footer_names_elections_in_the_chosen_language(cli, tmp_path):
    out = tmp_path / "en.pdf"
    assert cli(*NOVEMBER, "--lang", "en", "-f", "pdf", "-o", str(out)).exit_code == 0
    (page,) = pdf_pages(out)
    assert "Legal basis: 2024 Simultaneous Regional Elections: PKPU 2/2024" in page


@pytest.mark.parametrize(
    ("name", "kind"),
    [("k.pdf", b"%PDF-"), ("k.HTML", b"<!DOCTYPE html>"), ("k.ics", b"BEGIN:VCALENDAR"),
     ("k.json", b"{"), ("k.txt", b"\nPilkada Serentak 2024")],
)  # fmt: skip
def test_without_format_the_output_extension_chooses_it(run, tmp_path, name, kind):
    out = tmp_path / name
    done = run(*NOVEMBER, "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(kind)


def test_an_explicit_format_wins_over_the_extension(cli, tmp_path):
    out = tmp_path / "kalender.pdf"
    assert cli(*NOVEMBER, "-f", "term", "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("\nPilkada Serentak 2024 — November 2024")


def test_json_gives_the_fill_drawn_and_ics_the_same_stages(cli):
    """A stage with an unknown start: pale in the JSON's fill, and in the months' iCalendar as in
    their grids (May 2024 holds Pilkada's rules, due 18 Nov with no start)."""
    import icalendar

    may = (*PILKADA, "--month", "2024-05")
    stages = json.loads(cli(*may, "-f", "json").stdout)["stages"]
    rules = next(s for s in stages if s["start"] is None)
    assert rules["fill"] != rules["colour"]
    assert all(s["fill"] == s["colour"] for s in stages if s["start"] is not None)
    events = icalendar.Calendar.from_ical(cli(*may, "-f", "ics").stdout).walk("VEVENT")
    summaries = {str(e["summary"]).removeprefix("Batas akhir: ") for e in events}  # its last day
    assert "Batas akhir: " + rules["name"] in {str(e["summary"]) for e in events}
    assert summaries == {s["name"] for s in stages}


@needs_chromium
def test_a_long_word_does_not_shrink_the_printed_html(cli, tmp_path):
    word = "Koordinasi" * 30
    data = tmp_path / "kata.toml"
    data.write_text(
        'schema = 1\n\n[[elections]]\nid = "pilkada-2024"\n\n[[elections.stages]]\n'
        f'id = "kata"\nname = "{word}"\nname_en = "{word}"\nstart = 2024-11-04\n'
        'end = 2024-11-06\nbasis = "Surat"\nconfidence = "P"\n',
        encoding="utf-8",
    )
    page = tmp_path / "kata.html"
    assert cli(*NOVEMBER, "--data", str(data), "-f", "html", "-o", str(page)).exit_code == 0
    printed = print_html(page, tmp_path)
    text = " ".join(pdf_pages(printed))
    assert "Minggu" in text and "Dibuat 29 November 2023 dengan tahapan" in text
    assert min(text_sizes(printed)) >= 6.9


def test_symbols_never_run_out():
    from tahapan.days.monthgrid import SYMBOLS, symbol

    assert [symbol(i) for i in (0, 25, 61, 62, 63, 62 + 61, 62 + 62)] == [
        "A", "Z", "9", "AA", "AB", "A9", "BA",
    ]  # fmt: skip
    many = [symbol(i) for i in range(62 * 63 + 10)]  # past every two-character symbol
    assert len(set(many)) == len(many) and symbol(62 * 63) == "AAA"
    assert all(set(s) <= set(SYMBOLS) for s in many)
