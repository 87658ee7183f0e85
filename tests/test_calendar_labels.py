"""What a calendar page names and how it fits: without -e every loaded election is looked at and a page
names only those with a stage in its month; --one-page keeps each month to one A4 sheet and says what
it had to leave out; a label is never cut inside a word or with "…", in the PDF and in the HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import needs_chromium, print_html
from test_wall_calendar import busy_file, pdf_pages

#: the busy months of the shipped data (the test day is 29 November 2023)
BUSY = ("2023-11", "2024-02", "2024-11")


def named(result) -> list[str]:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["elections"]


def test_without_e_a_month_is_named_for_the_elections_with_stages_in_it(cli, tmp_path):
    # November 2024 holds only Pilkada stages: Pemilu 2024, near the test day, is not named
    assert named(cli("calendar", "--month", "2024-11", "-f", "json")) == ["pilkada-2024"]
    term = cli("calendar", "--month", "2024-11")
    assert term.stdout.splitlines()[1] == "Pilkada Serentak 2024 — November 2024"
    out = tmp_path / "nov.pdf"
    assert cli("calendar", "--month", "2024-11", "-o", str(out)).exit_code == 0
    page = pdf_pages(out)[0]
    assert page.startswith("Pilkada Serentak 2024 — November 2024 ")
    assert "Dasar hukum: Pilkada Serentak 2024: PKPU 2/2024" in page
    assert "Pemilu 2024" not in page
    html = cli("calendar", "--month", "2024-11", "-f", "html").stdout
    assert "<h1>Pilkada Serentak 2024 — November 2024</h1>" in html
    assert "<title>Pilkada Serentak 2024</title>" in html and "PKPU 3/2022" not in html
    ics = cli("calendar", "--month", "2024-11", "-f", "ics").stdout
    assert "X-WR-CALNAME:Pilkada Serentak 2024\n" in ics.replace("\r\n", "\n")


def test_without_e_elections_far_from_the_day_are_shown_in_their_months(cli):
    """April 2025 is the re-votes' month: they are named and drawn, though far from the test day."""
    ids = named(cli("calendar", "--month", "2025-04", "-f", "json"))
    assert "psu-2025-04-19" in ids and "pemilihan-ulang-2025" in ids
    assert "pemilu-2024" not in ids and "pemilu-2029" not in ids
    ics = cli("calendar", "--month", "2025-04", "-f", "ics").stdout
    unfolded = ics.replace("\r\n", "\n").replace("\n ", "")  # RFC 5545 folds long lines
    calname = re.search(r"X-WR-CALNAME:(.*)", unfolded)
    assert calname and "PSU Pilkada 2024" in calname.group(1)
    assert "Pemilu 2024" not in calname.group(1)


def test_each_page_names_the_elections_of_its_own_month(cli, tmp_path):
    out = tmp_path / "two.pdf"
    result = cli("calendar", "--from", "2024-10-01", "--to", "2024-11-30", "-o", str(out))
    assert result.exit_code == 0, result.output
    october, november = pdf_pages(out)
    assert october.startswith("Pemilu 2024 · Pilkada Serentak 2024 — Oktober 2024")
    assert november.startswith("Pilkada Serentak 2024 — November 2024")


def test_a_month_without_stages_is_titled_by_the_month_alone(run):
    """The installed command: a page names no election that has nothing in it."""
    done = run("calendar", "--month", "2027-03")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1].strip() == "Maret 2027"


def test_one_page_prints_each_busy_month_on_one_sheet(cli, tmp_path):
    from pypdf import PdfReader

    plain, one = tmp_path / "plain.pdf", tmp_path / "one.pdf"
    months = ("--from", "2023-11-01", "--to", "2024-02-29")
    assert cli("calendar", *months, "-o", str(plain)).exit_code == 0
    result = cli("calendar", *months, "-o", str(one), "--one-page")
    assert result.exit_code == 0, result.output
    assert len(PdfReader(plain).pages) > 4  # busy: the key goes on over a second page
    assert len(PdfReader(one).pages) == 4
    assert "tidak dicetak" not in result.stderr  # it all fitted
    for page, month in zip(pdf_pages(one), ["November 2023", "Desember 2023", "Januari 2024",
                                            "Februari 2024"], strict=True):  # fmt: skip
        assert f"— {month} " in page and "(1/2)" not in page
        assert "Dasar hukum:" in page


def test_one_page_says_what_it_left_out(cli, tmp_path):
    """Forty activities in three days cannot fit a sheet: what is left out is named on stderr,
    never silently dropped."""
    from pypdf import PdfReader

    data = busy_file(tmp_path / "ops.toml", 40, spread=3, long_names=True)
    out = tmp_path / "ops.pdf"
    args = ("calendar", "-e", "pilkada-2024", "--month", "2024-11", "--data", str(data))
    result = cli(*args, "-o", str(out), "--one-page")
    assert result.exit_code == 0, result.output
    assert len(PdfReader(out).pages) == 1
    assert result.stderr.startswith(
        "tahapan: November 2024 tidak muat di satu halaman; tidak dicetak: "
    )
    assert "pekan ke-5" in result.stderr and "tanpa --one-page semuanya dicetak" in result.stderr


def test_one_page_is_for_a_pdf(cli):
    result = cli("calendar", "--month", "2024-11", "--one-page")
    assert result.exit_code == 2
    assert result.stderr.startswith("tahapan: --one-page hanya untuk PDF, bukan term\n")


def bar_runs(path: Path) -> list[str]:
    """The text of every 7 pt bold run on the pages: the bars' labels (and voting day's note)."""
    from pypdf import PdfReader

    runs: list[str] = []

    def visit(text, cm, tm, font, size):
        printed = size * abs(tm[3]) * abs(cm[3])
        if text.strip() and font and "Bold" in str(font.get("/BaseFont")) and round(printed) == 7:
            runs.append(text.strip())

    for page in PdfReader(path).pages:
        page.extract_text(visitor_text=visit)
    return runs


@pytest.mark.parametrize("month", BUSY)
def test_pdf_bar_labels_are_whole_words(cli, tmp_path, month):
    out = tmp_path / f"{month}.pdf"
    assert cli("calendar", "--month", month, "-o", str(out)).exit_code == 0
    stages = json.loads(cli("calendar", "--month", month, "-f", "json").stdout)["stages"]
    words = {w for s in stages for w in s["name"].split()} | {s["symbol"] for s in stages}
    words |= {"?", "★", "Pemungutan", "suara"}
    runs = bar_runs(out)
    assert runs  # the bars were found
    for run in runs:
        assert "…" not in run and set(run.split()) <= words, run
    text = " ".join(pdf_pages(out))
    assert "…" not in text
    for stage in stages:  # every stage's name, whole, somewhere on the month's pages
        assert stage["name"] in text


@pytest.mark.parametrize("month", BUSY)
def test_html_bar_labels_are_whole_and_never_ellipsed(cli, month):
    html = cli("calendar", "--month", month, "-f", "html").stdout
    stages = json.loads(cli("calendar", "--month", month, "-f", "json").stdout)["stages"]
    assert "ellipsis" not in html and "nowrap; overflow: hidden" not in html
    bars = re.findall(
        r'<div class="bar([^"]*)" style="grid-column:(\d+) / (\d+);[^>]*>(.*?)</div>', html
    )
    assert bars
    names = {s["name"] for s in stages}
    for classes, first, end, inner in bars:
        name = re.search(r'<span class="name"> (.*?)</span>', inner)
        assert name and name.group(1) in names  # the whole name is there, to show or to hide
        # a one-day bar on a phone is some 50 px: a word of eight letters or more does not fit,
        # so the bar shows its letter there, and the key under the grid names it
        if int(end) - int(first) == 1 and max(len(w) for w in name.group(1).split()) >= 8:
            assert "narrow" in classes or "letter" in classes, name.group(1)


@needs_chromium
def test_html_printed_has_no_cut_label(cli, tmp_path):
    page = tmp_path / "nov.html"
    assert cli("calendar", "--month", "2024-11", "-o", str(page)).exit_code == 0
    text = " ".join(pdf_pages(print_html(page, tmp_path)))
    assert "…" not in text
    assert "J Rekapitulasi tingkat provinsi" in text  # the bar's label, whole, on one day
