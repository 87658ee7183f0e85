"""The calendar as one self-contained HTML file: no network assets, no scripts, every text from the data
escaped. It prints like the PDF (A4 landscape, a month per page, bars in lanes a stage keeps through the
month, key and footer on every month) and reads on a phone. Nothing has a fixed height or hides what
overflows: a busy week grows, and a month that outgrows its page goes on over the next."""

from __future__ import annotations

from html import escape
from string import Template

from tahapan import colours as c
from tahapan.colours import ink
from tahapan.days.lanes import depth
from tahapan.days.monthgrid import Day, Month
from tahapan.days.pins import on_day, sign_of
from tahapan.i18n import (
    WEEKDAYS_EN,
    WEEKDAYS_ID,
    confidence_mark,
    language,
    tr,
)
from tahapan.render.calendar_words import (
    band_text,
    calendar_title,
    day_note,
    days_off_lines,
    footer,
    heading,
    mark_dates,
    mark_label,
    mark_name,
    marked,
    projection_warning,
)
from tahapan.reports.calendar import CalendarReport, month_pins

STYLE = Template("""
@page { size: A4 landscape; margin: 8mm; }
* { box-sizing: border-box; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 0 auto; padding: 2mm; color: #111;
  max-width: 297mm; font-size: 8pt; }
section.month { break-after: page; page-break-after: always; }
/* fixed: no long word in the data can widen the page past the paper; such a word wraps anywhere */
table.page { width: 100%; border-collapse: collapse; table-layout: fixed; overflow-wrap: anywhere; }
table.page > * > tr > td { padding: 0; }
table.page > tbody > tr { break-inside: avoid; page-break-inside: avoid; }
table.page > tbody > tr.flow { break-inside: auto; page-break-inside: auto; }
section.month:last-of-type { break-after: auto; page-break-after: auto; }
h1 { font-size: 15pt; margin: 0 0 1mm 0; break-after: avoid; }
p.region { font-size: 9pt; color: #444; margin: 0 0 1mm 0; }
div.band { font-size: 7.5pt; font-weight: bold; padding: 0.4mm 1mm; margin-bottom: 0.6mm; }
div.head, div.week { display: grid; grid-template-columns: repeat(7, minmax(0, 1fr)); }
div.head div { background: $header; font-size: 9pt; font-weight: bold; text-align: center;
  padding: 1mm 0; border-bottom: 1px solid #999; }
div.head div.sun { color: $holiday; }
.short { display: none; }
div.week { min-height: 15mm; border-left: 1px solid #999; }
div.cell { border-right: 1px solid #999; border-bottom: 1px solid #999; grid-row: 1 / -1; }
div.cell.out { background: $outside; }
div.cell.weekend, div.cell.holiday { background: $shade; }
div.cell.voting { background: $voting; }
div.num { font-weight: bold; font-size: 11pt; padding: 0.3mm 0.8mm; grid-row: 1; }
div.num.red { color: $holiday; }
div.num.cuti, div.num.cuti .note { color: $cuti; }
.note { font-size: 7pt; font-weight: normal; color: $holiday; }
div.num.voting .note { color: #000; font-weight: bold; }
/* a bar's label wraps between words, never inside one: a bar too short for its name's longest
   word shows its letter alone (on a phone only, when the word fits a wider screen), and the key
   under the grid names it */
div.bar { font-size: 7pt; font-weight: bold; line-height: 1.3; margin: 0.3mm 0.7mm; padding: 0 0.8mm;
  overflow-wrap: normal; word-break: normal; hyphens: none; align-self: stretch; }
div.bar.letter .name { display: none; }
.note { overflow-wrap: normal; word-break: normal; hyphens: none; }
div.bar.unknown { font-style: italic; }
ol.key { columns: 2; column-gap: 6mm; font-size: 8pt; margin: 2mm 0 0 0; padding: 0; list-style: none; }
ol.key li { break-inside: avoid; margin-bottom: 0.6mm; padding-left: 7mm; text-indent: -7mm; }
.swatch { display: inline-block; min-width: 5mm; margin-right: 2mm; text-align: center;
  text-indent: 0; font-weight: bold; }
.dates { white-space: nowrap; }
p.holidays { font-size: 7.5pt; color: $holiday; margin: 1mm 0 0 0; }
p.holidays.cuti { color: $cuti; }
/* a case's deadline (calendar --cases): framed in the day's cell, named whole under the grid */
span.pin { display: block; font-size: 7pt; font-weight: bold; color: $case; border: 1px solid $case;
  padding: 0 0.6mm; margin: 0.4mm 0 0 0; overflow-wrap: normal; word-break: normal; hyphens: none; }
p.cases { font-size: 7.5pt; color: $case; margin: 1mm 0 0 0; }
p.projected { font-size: 8pt; font-weight: bold; color: $warning; margin: 1.5mm 0 0 0; }
footer { font-size: 7pt; color: $quiet; margin-top: 1.5mm; }
@media screen and (max-width: 640px) {
  body { font-size: 10pt; }
  h1 { font-size: 13pt; }
  .long { display: none; }
  .short { display: inline; }
  div.num { font-size: 10pt; }
  div.num .note { display: block; }
  div.bar.narrow .name, div.num .note.narrow { display: none; }
  ol.key { columns: 1; font-size: 9pt; }
}
""").substitute(
    holiday=c.HOLIDAY, cuti=c.CUTI, warning=c.WARNING, quiet=c.QUIET, voting=c.VOTING_DAY,
    shade=c.SHADE, outside=c.OUTSIDE, header=c.HEADER, case=c.CASE,
)  # fmt: skip

#: a week's lanes in one printed block at most: a busier week is split, with its day numbers again,
#: so that no block is taller than an A4 landscape page
PRINT_LANES = 30
#: whole-month bands shown over the weekday names at most
HEAD_BANDS = 4
#: the narrowest a day's column gets, in CSS px: printed on A4 landscape, and on a phone (360 px)
WIDE_PX, PHONE_PX = 145.0, 48.0
#: the widest a character of 7 pt bold DejaVu Sans (or Arial) is drawn on average, in CSS px, with a
#: margin: to tell, before any browser does, whether a word fits a bar
CHAR_PX = 6.8
#: a day's cell class by its kind (``Day.kind``)
DAY_CLASSES = {
    "voting": "voting",
    "holiday": "holiday",
    "cuti": "holiday",
    "saturday": "weekend",
    "sunday": "weekend",
}
#: the colour class of a day's number
NUMBER_CLASSES = {"voting": "voting", "holiday": "red", "sunday": "red", "cuti": "cuti"}


def write_html(report: CalendarReport) -> str:
    title = calendar_title(report)
    pages = "\n".join(_month(report, month, title) for month in report.months)
    return (
        f'<!DOCTYPE html>\n<html lang="{language()}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{pages}\n</body>\n</html>\n"
    )


def _month(report: CalendarReport, month: Month, title: str) -> str:
    """A month as a table, so that a printed month that runs over pages repeats its title and
    weekday names at the top of each (thead) and its footer at the bottom (tfoot)."""
    head = [f"<h1>{escape(heading(report, month))}</h1>"]
    if report.region is not None:
        head.append(
            f'<p class="region">{tr("Wilayah", "Region")}: {escape(report.region.name)}</p>'
        )
    days = WEEKDAYS_EN if language() == "en" else WEEKDAYS_ID
    names = "".join(
        f'<div{" class=sun" if i == 6 else ""}><span class="long">{d}</span>'
        f'<span class="short">{d[:3]}</span></div>'
        for i, d in enumerate(days)
    )
    bands = [_band(report, index) for index in month.band]
    # a few bands sit over the weekday names, as in the PDF, and repeat with them on each printed
    # page; more go on in the body, once, where they may run over pages
    few = len(bands) <= HEAD_BANDS
    head.extend(bands if few else [])
    head.append(f'<div class="head">{names}</div>')
    body = [] if few else bands
    for n, segments in enumerate(month.segments):
        lanes = max(depth(segments), 1)
        body.extend(
            _week(report, month, n, lo, min(lanes, lo + PRINT_LANES))
            for lo in range(0, lanes, PRINT_LANES)
        )
    rows = "".join(f"<tr><td>{part}</td></tr>" for part in body)
    key = _key(report, month)
    warning = projection_warning(report)
    if warning:
        key += f'<p class="projected">{escape(warning)}</p>'
    # the key may run over a page: its row breaks, a week's does not
    rows += f'<tr class="flow"><td>{key}</td></tr>'
    basis, marks, made = footer(report, month)
    return (
        f'<section class="month"><table class="page">\n<thead><tr><td>{"".join(head)}</td></tr></thead>\n'
        f"<tfoot><tr><td><footer>{escape(basis)}<br>{escape(marks)} · {escape(made)}</footer>"
        f"</td></tr></tfoot>\n<tbody>{rows}</tbody></table></section>"
    )


def _band(report: CalendarReport, index: int) -> str:
    mark = report.marks[index]
    return (
        f'<div class="band" style="background:{mark.fill};color:{ink(mark.fill)}">'
        f"{escape(band_text(mark))}</div>"
    )


def _week(report: CalendarReport, month: Month, n: int, lo: int, hi: int) -> str:
    """Lanes lo..hi-1 of a week as a grid: a row for the days' numbers, a row per lane, a row left to
    write in; each day's cell spans them all, each bar spans its days."""
    rows = f"grid-template-rows: auto repeat({hi - lo}, auto) 1fr"
    parts = [f'<div class="week" style="{rows}">']
    for col, day in enumerate(month.weeks[n], 1):
        if not day.in_month:  # another month's day: shaded and empty, never read as this one's
            parts.append(f'<div class="cell out" style="grid-column:{col}"></div>')
            continue
        kind = day.kind
        parts.append(
            f'<div class="cell {DAY_CLASSES.get(kind, "")}" style="grid-column:{col}"></div>'
        )
        note = f" {_note(day_note(day), kind)}" if day_note(day) else ""
        parts.append(
            f'<div class="num {NUMBER_CLASSES.get(kind, "")}" style="grid-column:{col}">'
            f"{day.day.day}{note}{_pins(report, day)}</div>"
        )
    for segment in month.segments[n]:
        if not lo <= segment.lane < hi:
            continue
        mark = report.marks[segment.mark]
        fill, label = mark.fill, mark_label(mark)
        days = segment.last - segment.first + 1
        fits = "" if _fits(marked(mark), days * WIDE_PX) else " letter"
        fits = fits or ("" if _fits(marked(mark), days * PHONE_PX) else " narrow")
        parts.append(
            f'<div class="bar{fits}{"" if mark.known else " unknown"}" style="grid-column:'
            f"{segment.first + 1} / {segment.last + 2};grid-row:{segment.lane - lo + 2};"
            f'background:{fill};color:{ink(fill)}" title="{escape(label, quote=True)}">'
            f'<span class="tag">{escape(mark.tag)}</span><span class="name"> {escape(marked(mark))}'
            "</span></div>"
        )
    parts.append("</div>")
    return "".join(parts)


def _pins(report: CalendarReport, day: Day) -> str:
    """The cases' deadlines on the day (`--cases`); on a phone, the case id alone (the line
    under the grid names the step)."""
    return "".join(
        f'<span class="pin" title="{escape(pin.key, quote=True)}">{sign_of([pin])} {escape(pin.case)}'
        f'<span class="long">{escape(pin.label.removeprefix(pin.case))}</span></span>'
        for pin in on_day(report.pins or (), day.day)
    )


def _fits(text: str, column: float) -> bool:
    """Whether every word of ``text`` fits a bar across ``column`` px, its margins aside."""
    return max((len(word) for word in text.split()), default=0) * CHAR_PX <= column - 12


def _note(note: str, kind: str) -> str:
    """What a day says beside its number; on a phone, voting day's star alone, and a holiday's
    name only when its words fit the cell (every holiday is named under the grid)."""
    if kind == "voting":
        star, words = note.split(" ", 1)
        return f'<span class="note">{star} <span class="long">{escape(words)}</span></span>'
    narrow = "" if _fits(note, PHONE_PX) else " narrow"
    return f'<span class="note{narrow}">{escape(note)}</span>'


def _key(report: CalendarReport, month: Month) -> str:
    items = []
    for index in [*month.band, *month.marks]:
        mark = report.marks[index]
        stage = mark.ref.stage
        election = f' · <span class="dates">{escape(mark.ref.election.id)}</span>'
        where = election if len(report.named(month)) > 1 else ""
        # the confidence mark says [proyeksi] already: once, as in the PDF
        extra = tr(" (sepanjang bulan)", " (all month)") if index in month.band else ""
        fill = mark.fill
        items.append(
            f'<li><span class="swatch" style="background:{fill};color:{ink(fill)}">'
            f"{escape(mark.symbol)}</span>{escape(mark_name(mark))} — "
            f'<span class="dates">{mark_dates(mark)}</span> '
            f"[{escape(confidence_mark(stage, mark.ref.election))}]{extra}{where}</li>"
        )
    out = ['<ol class="key">' + "".join(items) + "</ol>"]
    out.extend(
        f'<p class="holidays{" cuti" if kind == "cuti" else ""}">{escape(text)}</p>'
        for kind, text in days_off_lines(month)
    )
    out.extend(
        f'<p class="cases">{sign_of([p])} {escape(p.key)}</p>' for p in month_pins(report, month)
    )
    return "\n".join(out)
