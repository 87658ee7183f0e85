"""What the printed calendars say, in the chosen language: titles, a stage's label and dates, a
day's note, the days off under a month, the footer and the projection warning. The month grids
(``days.monthgrid``) and the calendar's answer (``reports.calendar``) hold values only."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tahapan.i18n import (
    PROJECTED,
    date_mark,
    date_notes,
    format_date,
    format_range,
    month_name,
    pick,
    tr,
)
from tahapan.model import CONFIDENCE_TEXT, Election

if TYPE_CHECKING:
    from tahapan.days.monthgrid import Day, DayKind, Mark, Month
    from tahapan.reports.calendar import CalendarReport


def title(elections: Sequence[Election]) -> str:
    """The elections' names; one whose voting day is projected says so ("Pemilu 2029 (proyeksi)")."""
    return (
        " · ".join(
            pick(e.name, e.name_en) + (f" ({tr(*PROJECTED)})" if e.projected else "")
            for e in elections
        )
        or "tahapan"
    )


def calendar_title(report: CalendarReport) -> str:
    """The elections' names, as a calendar heads its pages."""
    return title(report.elections)


def heading(report: CalendarReport, month: Month, space: str = " ") -> str:
    """A month's title: the elections with a stage in it and the month, or the month alone.
    ``space`` joins the month to them and to its year (a no-break space on paper)."""
    when = f"{month_name(month.month)}{space}{month.year}"
    named = report.named(month)
    return f"{title(named)} —{space}{when}" if named else when


def footer(report: CalendarReport, month: Month | None = None) -> tuple[str, str, str]:
    """The page footer's three texts: the legal basis, the confidence marks, who made it when."""
    bases = "; ".join(f"{pick(e.name, e.name_en)}: {e.basis}" for e in report.named(month))
    marks = ", ".join(f"{k} = {tr(*v)}" for k, v in CONFIDENCE_TEXT.items())
    made = (
        tr("Dibuat ", "Made ")
        + format_date(report.generated)
        + tr(" dengan tahapan", " with tahapan")
    )
    return (
        tr("Dasar hukum: ", "Legal basis: ") + bases,
        tr("Kepastian: ", "Confidence: ") + marks,
        made,
    )


def projection_warning(report: CalendarReport) -> str | None:
    """A line of its own on every page when a stage shown is a projection, never cut."""
    notes = date_notes((m.ref.stage, m.ref.election) for m in report.marks)
    return tr("Perhatian — ", "Note — ") + "; ".join(notes) if notes else None


def mark_name(mark: Mark) -> str:
    return pick(mark.ref.stage.name, mark.ref.stage.name_en)


def marked(mark: Mark) -> str:
    """Its name with how its dates stand when they are not official: 'Masa tenang (proyeksi)'."""
    word = date_mark(mark.ref.stage, mark.ref.election)
    return f"{mark_name(mark)} ({word})" if word else mark_name(mark)


def mark_label(mark: Mark) -> str:
    """What its bars say: 'C Pelaksanaan kampanye', '? B Penyusunan peraturan …', 'D Masa
    tenang (proyeksi)'."""
    return f"{mark.tag} {marked(mark)}"


def mark_dates(mark: Mark) -> str:
    return format_range(mark.ref.stage.start, mark.ref.stage.end)


def band_text(mark: Mark) -> str:
    """Its line in a month's band: 'A Pemberitahuan … — sepanjang bulan (27 Feb – 16 Nov 2024)'."""
    return f"{mark_label(mark)} — {tr('sepanjang bulan', 'all month')} ({mark_dates(mark)})"


def day_note(day: Day) -> str:
    """What a printed day says beside its number: voting day, or its holiday's name."""
    if day.kind == "voting":
        return "★ " + tr("Pemungutan suara", "Voting day")
    if day.kind in ("holiday", "cuti") and day.holiday is not None:
        return pick(day.holiday.name, day.holiday.name_en)
    return ""


def days_off_lines(month: Month) -> list[tuple[DayKind, str]]:
    """This month's public and local holidays, then its cuti bersama, each kind on a line named
    under the grid: ("holiday", "Libur: 27 Hari Pemilihan Kepala Daerah"). Weekends are not
    listed."""
    out: list[tuple[DayKind, str]] = []
    kind: DayKind
    for kind, closed, words in (
        ("holiday", ("public", "local"), tr("Libur", "Holidays")),
        ("cuti", ("cuti",), tr("Cuti bersama", "Cuti bersama (joint leave)")),
    ):
        # by the holiday itself: voting day may be a public holiday too
        days = [
            d.holiday
            for week in month.weeks
            for d in week
            if d.in_month and d.holiday is not None and d.holiday.kind in closed
        ]
        if days:
            listed = "; ".join(f"{h.day.day} {pick(h.name, h.name_en)}" for h in days)
            out.append((kind, f"{words}: {listed}"))
    return out
