"""The calendar in the terminal: a month grid per month (Senin to Minggu), stages as coloured letters,
voting day starred, public holidays `*` in red, cuti bersama `+` in orange, and a key under each
month."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from tahapan.days.monthgrid import SYMBOLS, Month
from tahapan.days.pins import on_day, sign_of
from tahapan.i18n import (
    WEEKDAYS_EN,
    WEEKDAYS_ID,
    date_mark,
    format_date,
    pick,
    tr,
)
from tahapan.render.calendar_words import (
    days_off_lines,
    heading,
    mark_dates,
    mark_name,
    projection_warning,
)
from tahapan.reports.calendar import CalendarReport, month_pins

NUMBER_STYLE = {
    "voting": "bold reverse",
    "holiday": "bold red",
    "sunday": "bold red",
    "cuti": "bold dark_orange",
}
#: the sign after a day's number: voting day, public holiday, cuti bersama (readable without colour)
DAY_MARK = {"voting": ("★", "bold"), "holiday": ("*", "red"), "cuti": ("+", "dark_orange")}
#: a case's deadline on the day (`calendar --cases`), before the stages' letters
PIN_STYLE = "bold magenta"


def view(report: CalendarReport, width: int = 80) -> Group:
    parts: list[Any] = []
    for month in report.months:
        parts.extend(_month(report, month, width))
    warning = projection_warning(report)
    if warning:
        parts.append(Text(warning, style="bold yellow"))
    return Group(*parts)


#: the key's indent and the symbol column before a stage's name
KEY_INDENT = 4


def _hanging(
    sign: Text, words: str, width: int, *, style: str = "", tail: str = "", tail_style: str = "dim"
) -> Text:
    """``sign`` then ``words`` wrapped under themselves (a hanging indent), and ``tail`` (a stage's
    dates) after them, or on a line of its own rather than split. Wrapped here, by words as Rich
    would, so that no line carries padding."""
    import textwrap

    room = max(width - KEY_INDENT, 8)
    lines = textwrap.wrap(words, room) or [""]
    text = Text()
    text.append_text(sign)
    for i, line in enumerate(lines):
        text.append(("\n" + " " * KEY_INDENT if i else "") + line, style=style)
    if tail:
        fits = len(lines[-1]) + 2 + len(tail) <= room
        text.append(("  " if fits else "\n" + " " * KEY_INDENT) + tail, style=tail_style)
    return text


def _key(report: CalendarReport, indices: Any, width: int) -> list[Text]:
    return [_name(report, index, width) for index in indices]


def _name(report: CalendarReport, index: int, width: int) -> Text:
    mark = report.marks[index]
    words = mark_name(mark)
    if len(report.elections) > 1:
        words += f" ({mark.ref.election.id})"
    tail = mark_dates(mark)
    word = date_mark(mark.ref.stage, mark.ref.election)
    if word:
        tail += f"  [{word}]"
    sign = Text(f"  {mark.symbol} ", style=f"bold {mark.colour}")
    return _hanging(sign, words, width, tail=tail)


def _month(report: CalendarReport, month: Month, width: int) -> list[Any]:
    title = Text(heading(report, month), style="bold")
    out: list[Any] = [Text(""), title]
    if month.band:
        out.append(Text(tr("Sepanjang bulan:", "All month:"), style="dim"))
        out.extend(_key(report, month.band, width))
    table = Table(box=box.SQUARE, show_lines=True, expand=True, pad_edge=False, padding=(0, 0))
    weekdays = WEEKDAYS_EN if tr("id", "en") == "en" else WEEKDAYS_ID
    for i, name in enumerate(weekdays):
        table.add_column(
            name[:3], ratio=1, overflow="fold", header_style="bold red" if i == 6 else "bold"
        )
    for week in month.weeks:
        cells = []
        for day in week:
            cell = Text()
            if (
                not day.in_month
            ):  # another month's day: left empty, so it is never read as this one's
                cells.append(Text(""))
                continue
            cell.append(f"{day.day.day:>2}", style=NUMBER_STYLE.get(day.kind, "bold"))
            if day.kind in DAY_MARK:
                cell.append(*DAY_MARK[day.kind])
            pinned_here = on_day(report.pins or (), day.day)
            if pinned_here:
                cell.append(sign_of(pinned_here), style=PIN_STYLE)
            # past 62 stages letters are two characters: spaced, so that they read apart
            gap = " " if len(report.marks) > len(SYMBOLS) else ""
            for index in day.marks:
                mark = report.marks[index]
                cell.append(gap)
                # an unknown start is shown from the month's first day, faint: the key says "? –"
                faint = "" if mark.known else " dim italic"
                cell.append(mark.symbol, style=f"bold {mark.colour}{faint}")
            cells.append(cell)
        table.add_row(*cells)
    out.append(table)
    out.extend(_key(report, month.marks, width))
    election_names = {e.id: pick(e.name, e.name_en) for e in report.elections}
    for day in (d for week in month.weeks for d in week if d.in_month and d.voting):
        said = f"{format_date(day.day, short=True)}: " + tr(
            "hari pemungutan suara ", "voting day of "
        )
        # a person reads the election's name; JSON keeps its id
        names = ", ".join(election_names.get(i, i) for i in day.voting)
        out.append(_hanging(Text("  ★ ", style="bold"), said + names, width, style="bold"))
    for kind, words in days_off_lines(month):
        sign, style = DAY_MARK[kind]
        out.append(_hanging(Text(f"  {sign} ", style=style), words, width, style=style))
    for pin in month_pins(report, month):
        pinned = Text(f"  {sign_of([pin])} ", style=PIN_STYLE)
        out.append(_hanging(pinned, pin.key, width, style="bold" if pin.overdue else ""))
    return out
