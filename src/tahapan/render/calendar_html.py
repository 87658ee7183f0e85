"""The calendar as one self-contained HTML file: no network assets, print CSS for A4 landscape with
one month per page, and every text from the data escaped."""

from __future__ import annotations

from html import escape

from tahapan.days.monthgrid import CalendarReport, Month
from tahapan.i18n import (
    WEEKDAYS_EN,
    WEEKDAYS_ID,
    confidence_mark,
    format_range,
    language,
    month_name,
    pick,
    tr,
)

STYLE = """
@page { size: A4 landscape; margin: 8mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 0; color: #111; }
section.month { height: 190mm; padding: 2mm 0; display: flex; flex-direction: column;
  page-break-after: always; break-after: page; overflow: hidden; }
section.month:last-of-type { page-break-after: auto; break-after: auto; }
h1 { font-size: 15pt; margin: 0 0 1mm 0; }
p.band, p.region { font-size: 8pt; color: #555; margin: 0 0 1mm 0; }
table.grid { width: 100%; border-collapse: collapse; table-layout: fixed; flex: 1; }
table.grid th { background: #eee; font-size: 9pt; padding: 1mm; }
table.grid th.sun { color: #b00; }
table.grid td { border: 1px solid #aaa; vertical-align: top; padding: 0.6mm; overflow: hidden; }
td.out { color: #bbb; }
td.weekend, td.holiday { background: #f8f3f3; }
td.voting { background: #fff0aa; }
td.cuti .num, td.cuti .note { color: #be5f00; }
.num { font-weight: bold; font-size: 10pt; }
.red .num, td.sun .num { color: #b00; }
.note { font-size: 6.5pt; color: #900; }
td.voting .note { color: #000; font-weight: bold; }
.bar { display: block; color: #fff; font-size: 6pt; line-height: 1.3; font-weight: bold; margin-top: 0.5mm;
  padding: 0 0.6mm; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
  print-color-adjust: exact; -webkit-print-color-adjust: exact; }
ul.legend { columns: 2; font-size: 7pt; margin: 1.5mm 0 0 0; padding: 0; list-style: none; }
ul.legend li { break-inside: avoid; }
.swatch { display: inline-block; width: 3mm; height: 3mm; vertical-align: middle;
  print-color-adjust: exact; -webkit-print-color-adjust: exact; }
p.holidays { font-size: 7pt; color: #900; margin: 0.5mm 0; }
p.holidays.cuti { color: #be5f00; }
footer { font-size: 6.5pt; color: #666; margin-top: 1mm; }
p.projected { font-size: 8pt; font-weight: bold; color: #964b00; margin: 1mm 0 0; }
"""


#: a day's cell class by its kind (``Day.kind``)
DAY_CLASSES = {
    "voting": "voting",
    "holiday": "holiday",
    "cuti": "holiday",
    "saturday": "weekend",
    "sunday": "weekend",
}


def write_html(report: CalendarReport) -> str:
    title = report.title
    pages = "\n".join(_month(report, month, title) for month in report.months)
    return (
        f'<!DOCTYPE html>\n<html lang="{language()}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{pages}\n</body>\n</html>\n"
    )


def _stage_label(report: CalendarReport, index: int) -> str:
    stage = report.marks[index].ref.stage
    return pick(stage.name, stage.name_en)


def _month(report: CalendarReport, month: Month, title: str) -> str:
    out = [
        f'<section class="month">\n<h1>{escape(title)} — {month_name(month.month)} {month.year}</h1>'
    ]
    if report.region is not None:
        out.append(f'<p class="region">{tr("Wilayah", "Region")}: {escape(report.region.name)}</p>')
    if month.band:
        symbols = ", ".join(escape(report.marks[i].symbol) for i in month.band)
        out.append(
            f'<p class="band">{tr("Sepanjang bulan", "All month")}: {symbols} '
            f"({tr('lihat keterangan', 'see the key')})</p>"
        )
    days = WEEKDAYS_EN if language() == "en" else WEEKDAYS_ID
    head = "".join(f"<th{' class=sun' if i == 6 else ''}>{d}</th>" for i, d in enumerate(days))
    out.append(f'<table class="grid">\n<tr>{head}</tr>')
    for week in month.weeks:
        cells = []
        for day in week:
            if not day.in_month:
                cells.append(f'<td class="out"><span class="num">{day.day.day}</span></td>')
                continue
            classes = [DAY_CLASSES.get(day.kind, "")]
            if day.kind == "cuti":
                classes.append("cuti")
            elif day.kind in ("holiday", "sunday"):
                classes.append("red")
            body = [f'<span class="num">{day.day.day}</span>']
            if day.kind == "voting":
                body.append(f' <span class="note">★ {tr("Pemungutan suara", "Voting day")}</span>')
            elif day.kind in ("holiday", "cuti") and day.holiday is not None:
                body.append(f' <span class="note">{escape(day.holiday.name)}</span>')
            for index in day.marks:
                mark = report.marks[index]
                label = f"{mark.symbol} {_stage_label(report, index)}"
                body.append(
                    f'<span class="bar" style="background:{mark.colour}" title="{escape(label, quote=True)}">'
                    f"{escape(label)}</span>"
                )
            cells.append(f'<td class="{" ".join(c for c in classes if c)}">{"".join(body)}</td>')
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    items = []
    for index in [*month.band, *month.marks]:
        mark = report.marks[index]
        stage = mark.ref.stage
        where = f" · {escape(mark.ref.election.id)}" if len(report.elections) > 1 else ""
        items.append(
            f'<li><span class="swatch" style="background:{mark.colour}"></span> '
            f"<b>{escape(mark.symbol)}</b> {escape(_stage_label(report, index))} — "
            f"{format_range(stage.start, stage.end)} [{escape(confidence_mark(stage))}]{where}"
            + (tr(" (sepanjang bulan)", " (all month)") if index in month.band else "")
            + "</li>"
        )
    out.append('<ul class="legend">' + "".join(items) + "</ul>")
    public, cuti = month.days_off("holiday"), month.days_off("cuti")
    if public:
        listed = "; ".join(f"{h.day.day} {escape(h.name)}" for h in public)
        out.append(f'<p class="holidays">{tr("Libur", "Holidays")}: {listed}</p>')
    if cuti:
        listed = "; ".join(f"{h.day.day} {escape(h.name)}" for h in cuti)
        out.append(
            f'<p class="holidays cuti">{tr("Cuti bersama", "Cuti bersama (joint leave)")}: {listed}</p>'
        )
    basis, marks, made = report.footer()
    warning = report.warning()
    if warning:
        out.append(f'<p class="projected">{escape(warning)}</p>')
    out.append(f"<footer>{escape(basis)}<br>{escape(marks)} · {escape(made)}</footer>\n</section>")
    return "\n".join(out)
