"""The calendar in the terminal: a month grid per month (Senin to Minggu), stages as coloured letters,
voting day starred, public holidays `*` in red, cuti bersama `+` in orange, and a key under each
month."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from tahapan.days.monthgrid import CalendarReport, Month
from tahapan.i18n import (
    PROJECTED,
    WEEKDAYS_EN,
    WEEKDAYS_ID,
    format_date,
    format_range,
    month_name,
    pick,
    tr,
)

NUMBER_STYLE = {
    "voting": "bold reverse",
    "holiday": "bold red",
    "sunday": "bold red",
    "cuti": "bold dark_orange",
}
#: the sign after a day's number: voting day, public holiday, cuti bersama (readable without colour)
DAY_MARK = {"voting": ("★", "bold"), "holiday": ("*", "red"), "cuti": ("+", "dark_orange")}


def view(report: CalendarReport) -> Group:
    parts: list[Any] = []
    for month in report.months:
        parts.extend(_month(report, month))
    warning = report.warning()
    if warning:
        parts.append(Text(warning, style="bold yellow"))
    return Group(*parts)


def _name(report: CalendarReport, index: int) -> Text:
    mark = report.marks[index]
    stage = mark.ref.stage
    text = Text(f"{mark.symbol} ", style=f"bold {mark.colour}")
    text.append(pick(stage.name, stage.name_en))
    election = mark.ref.election
    if len(report.elections) > 1:
        text.append(f" ({election.id})", style="dim")
    text.append(f"  {format_range(stage.start, stage.end)}", style="dim")
    if stage.projected:
        text.append(f"  [{tr(*PROJECTED)}]", style="yellow")
    return text


def _month(report: CalendarReport, month: Month) -> list[Any]:
    title = Text(f"{report.title} — {month_name(month.month)} {month.year}", style="bold")
    out: list[Any] = [Text(""), title]
    if month.band:
        out.append(Text(tr("Sepanjang bulan:", "All month:"), style="dim"))
        out.extend(Text("  ") + _name(report, i) for i in month.band)
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
            if not day.in_month:
                cells.append(Text(str(day.day.day), style="dim"))
                continue
            cell.append(f"{day.day.day:>2}", style=NUMBER_STYLE.get(day.kind, "bold"))
            if day.kind in DAY_MARK:
                cell.append(*DAY_MARK[day.kind])
            for index in day.marks:
                mark = report.marks[index]
                cell.append(mark.symbol, style=f"bold {mark.colour}")
            cells.append(cell)
        table.add_row(*cells)
    out.append(table)
    out.extend(Text("  ") + _name(report, i) for i in month.marks)
    for day in (d for week in month.weeks for d in week if d.in_month and d.voting):
        out.append(
            Text(
                f"  ★ {format_date(day.day, short=True)}: "
                + tr("pemungutan suara ", "voting day ")
                + ", ".join(day.voting),
                style="bold",
            )
        )
    public = month.days_off("holiday")
    if public:
        listed = "; ".join(f"{h.day.day} {h.name}" for h in public)
        out.append(Text(f"  * {tr('Libur', 'Holidays')}: {listed}", style="red"))
    cuti = month.days_off("cuti")
    if cuti:
        listed = "; ".join(f"{h.day.day} {h.name}" for h in cuti)
        out.append(
            Text(
                f"  + {tr('Cuti bersama', 'Joint leave (cuti bersama)')}: {listed}",
                style="dark_orange",
            )
        )
    return out
