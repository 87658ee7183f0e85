"""Month grids for the wall calendar: which stages run on each day, voting days and holidays.

Plain data for every renderer (terminal, PDF, HTML): weeks run Senin to Minggu; each stage shown gets a
colour and a letter (for print without colour), the same on every page and in every format of one
calendar, and a lane in each month (days/lanes.py); a stage that runs through a whole month and lasts
90 days or more goes in that month's band above the grid instead of filling every cell. A stage whose
start the sources do not give is shown, as uncertain, from where `status` counts it as running.
"""

from __future__ import annotations

import calendar as stdcal
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, Literal

from tahapan.colours import faded
from tahapan.days import lanes as ln
from tahapan.days import timeline as tl
from tahapan.days.months import month_bounds, month_range
from tahapan.days.workdays import Closed, WorkCalendar
from tahapan.i18n import estimate_note, format_date, format_range, pick, projection_note, tr
from tahapan.model import CONFIDENCE_TEXT, Election, Region, Stage

#: what a calendar day is (``Day.kind``), drawn alike by the terminal, PDF and HTML calendars
DayKind = Literal["voting", "holiday", "cuti", "sunday", "saturday", "workday"]
#: a stage this long that covers a whole month goes in the month's band, not in every cell
BACKGROUND_DAYS = 90
SYMBOLS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
#: the strong colours kept for the stages that matter most: voting day (red) and the campaign (blue)
STRONG = {ln.VOTING: "#c62828", ln.CAMPAIGN: "#1565c0"}
#: colours for the other stages, apart from the strong ones and from each other in print and on
#: screen (hex for PDF and HTML; the text on a bar is black or white, whichever reads better)
PALETTE = (
    "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#795548", "#9e9d24",
    "#f9a825", "#4db6ac", "#f48fb1", "#546e7a", "#7cb342", "#ba68c8",
)  # fmt: skip


@dataclass(frozen=True)
class Mark:
    """A stage shown in the calendar."""

    ref: tl.StageRef
    symbol: str
    colour: str
    #: the first day it is drawn: its start, or where an unknown start counts from (pale)
    start: date

    @property
    def rank(self) -> int:
        return ln.importance(self.ref.stage)

    @property
    def known(self) -> bool:
        """Its start is known (else it is drawn pale, with "?")."""
        return self.ref.stage.start is not None

    @property
    def fill(self) -> str:
        """The colour of its bars: pale when the start is unknown."""
        return self.colour if self.known else faded(self.colour)

    @property
    def name(self) -> str:
        return pick(self.ref.stage.name, self.ref.stage.name_en)

    @property
    def label(self) -> str:
        """What its bars say: 'C Pelaksanaan kampanye', '? B Penyusunan peraturan …'."""
        return f"{'' if self.known else '? '}{self.symbol} {self.name}"

    @property
    def dates(self) -> str:
        return format_range(self.ref.stage.start, self.ref.stage.end)

    def band_text(self) -> str:
        """Its line in a month's band: 'A Pemberitahuan … — sepanjang bulan (27 Feb – 16 Nov 2024)'."""
        return f"{self.label} — {tr('sepanjang bulan', 'all month')} ({self.dates})"


@dataclass(frozen=True)
class Day:
    day: date
    in_month: bool
    #: indices into CalendarReport.marks of the stages running on this day (not the month's band)
    marks: tuple[int, ...]
    #: the elections whose voting day this is
    voting: tuple[str, ...]
    holiday: Closed | None

    @property
    def kind(self) -> DayKind:
        """What the day is, for every calendar view alike: voting day before a day off, a day off
        before the weekend (a Sunday that is cuti bersama is drawn as cuti)."""
        if self.voting:
            return "voting"
        off = self.holiday.kind if self.holiday is not None else None
        if off in ("public", "local"):
            return "holiday"
        if off == "cuti":
            return "cuti"
        weekday = self.day.weekday()
        return "sunday" if weekday == 6 else "saturday" if weekday == 5 else "workday"

    @property
    def weekend(self) -> bool:
        """In the Saturday or Sunday column, whatever else the day is."""
        return self.day.weekday() >= 5

    @property
    def note(self) -> str:
        """What a printed day says beside its number: voting day, or its holiday's name."""
        if self.kind == "voting":
            return "★ " + tr("Pemungutan suara", "Voting day")
        if self.kind in ("holiday", "cuti") and self.holiday is not None:
            return self.holiday.name
        return ""


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    weeks: tuple[tuple[Day, ...], ...]
    #: stages in this month's cells, in legend order
    marks: tuple[int, ...]
    #: long stages that run through the whole month
    band: tuple[int, ...]
    #: each week's bars, in lanes that a stage keeps through the month
    segments: tuple[tuple[ln.Segment, ...], ...] = ()

    def days_off_lines(self) -> list[tuple[DayKind, str]]:
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
                for week in self.weeks
                for d in week
                if d.in_month and d.holiday is not None and d.holiday.kind in closed
            ]
            if days:
                listed = "; ".join(f"{h.day.day} {h.name}" for h in days)
                out.append((kind, f"{words}: {listed}"))
        return out


@dataclass(frozen=True)
class CalendarReport:
    elections: tuple[Election, ...]
    months: tuple[Month, ...]
    marks: tuple[Mark, ...]
    generated: date
    region: Region | None = None

    @property
    def title(self) -> str:
        """The elections' names, as a calendar heads its pages."""
        return title(self.elections)

    def footer(self) -> tuple[str, str, str]:
        """The page footer's three texts: the legal basis, the confidence marks, who made it when."""
        bases = "; ".join(f"{pick(e.name, e.name_en)}: {e.basis}" for e in self.elections)
        marks = ", ".join(f"{k} = {tr(*v)}" for k, v in CONFIDENCE_TEXT.items())
        made = (
            tr("Dibuat ", "Made ")
            + format_date(self.generated)
            + tr(" dengan tahapan", " with tahapan")
        )
        return (
            tr("Dasar hukum: ", "Legal basis: ") + bases,
            tr("Kepastian: ", "Confidence: ") + marks,
            made,
        )

    def warning(self) -> str | None:
        """A line of its own on every page when a stage shown is a projection, never cut."""
        marked = [m.ref.stage for m in self.marks if m.ref.stage.projected]
        if not marked:
            return None
        notes = []
        if any(s.repeat is None for s in marked):
            notes.append(projection_note())
        if any(s.repeat is not None for s in marked):
            notes.append(estimate_note())
        return tr("Perhatian — ", "Note — ") + "; ".join(notes)

    @property
    def first(self) -> date:
        return date(self.months[0].year, self.months[0].month, 1)

    @property
    def last(self) -> date:
        month = self.months[-1]
        return month_bounds(self.first, date(month.year, month.month, 1))[1]

    exit_code = 0

    def payload(self) -> dict[str, Any]:
        return {
            "from": self.first.isoformat(),
            "to": self.last.isoformat(),
            "elections": [e.id for e in self.elections],
            "region": None if self.region is None else self.region.id,
            "stages": [
                {
                    "symbol": m.symbol,
                    "colour": m.colour,
                    "fill": m.fill,
                    "election": m.ref.election.id,
                    "path": m.ref.path,
                    "name": m.ref.stage.name,
                    "name_en": m.ref.stage.name_en or m.ref.stage.name,
                    "start": None if m.ref.stage.start is None else m.ref.stage.start.isoformat(),
                    "end": m.ref.stage.end.isoformat(),
                    "projected": m.ref.stage.projected,
                }
                for m in self.marks
            ],
            "months": [
                {
                    "month": f"{month.year:04d}-{month.month:02d}",
                    "band": [self.marks[i].symbol for i in month.band],
                    "days": [
                        {
                            "date": d.day.isoformat(),
                            "stages": [self.marks[i].symbol for i in d.marks],
                            "voting": list(d.voting),
                            "holiday": None
                            if d.holiday is None or d.holiday.kind == "weekend"
                            else {"kind": d.holiday.kind, "name": d.holiday.name},
                        }
                        for week in month.weeks
                        for d in week
                        if d.in_month
                    ],
                }
                for month in self.months
            ],
        }


def symbol(index: int) -> str:
    """The stage's letter: A-Z, a-z, 0-9, then AA, AB, ... (bijective base 62), so that no two
    stages of one calendar share one, however many there are."""
    out = ""
    index += 1
    while index:
        index, digit = divmod(index - 1, len(SYMBOLS))
        out = SYMBOLS[digit] + out
    return out


def title(elections: Sequence[Election]) -> str:
    return " · ".join(pick(e.name, e.name_en) for e in elections) or "tahapan"


def within(election: Election, first: date, last: date) -> Election:
    """The election with only the stages that touch the months of first..last."""
    start, end = month_bounds(first, last)

    def keep(stages: tuple[Stage, ...]) -> tuple[Stage, ...]:
        # an unknown start counts from where status counts it, as in the month grids; a repeating
        # stage that has begun by the window's end is kept whole (its rule goes into iCalendar,
        # whose clients expand it)
        return tuple(
            replace(s, stages=keep(s.stages))
            for s in stages
            if (s.repeat is not None and s.start is not None and s.start <= end)
            or (tl.counted_from(s, election) <= end and s.end >= start)
        )

    return replace(election, stages=keep(election.stages))


def build(
    elections: list[Election],
    first: date,
    last: date,
    *,
    generated: date,
    region: Region | None = None,
) -> CalendarReport:
    months = month_range(first, last)
    start, end = month_bounds(first, last)
    shown = sorted(
        (
            (r, begin)
            for r in tl.all_stages(elections)
            if (begin := tl.counted_from(r.stage, r.election)) <= end and r.stage.end >= start
        ),
        key=lambda shown: (shown[1], shown[0].stage.end, shown[0].election.id, shown[0].path),
    )
    marks = tuple(
        Mark(ref, symbol(i), colour, begin)
        for i, ((ref, begin), colour) in enumerate(zip(shown, _colours(shown), strict=True))
    )
    holidays: list[Any] = [h for e in elections for h in e.holidays]
    workdays = WorkCalendar(holidays)
    voting: dict[date, list[str]] = {}
    for election in elections:
        if election.voting_day is not None:
            voting.setdefault(election.voting_day, []).append(election.id)
    return CalendarReport(
        tuple(elections),
        tuple(_month(y, m, marks, workdays, voting) for y, m in months),
        marks,
        generated,
        region,
    )


def _colours(shown: list[tuple[tl.StageRef, date]]) -> list[str]:
    """Each stage's colour (given with the first day it is drawn): voting day's and the campaign's
    their strong ones, the others one that no stage near it in time has (within a month either
    side, so that one page's key shows different colours), while the palette lasts (greedy
    colouring of intervals, in order of start)."""
    near = timedelta(days=31)
    out: list[str] = []
    for ref, begin in shown:
        strong = STRONG.get(ln.importance(ref.stage))
        if strong is not None:
            out.append(strong)
            continue
        first, last = begin - near, ref.stage.end + near
        taken = {
            colour
            for (other, other_begin), colour in zip(shown, out, strict=False)
            if other_begin <= last and other.stage.end >= first
        }
        free = [c for c in PALETTE if c not in taken]
        out.append(free[0] if free else PALETTE[len(out) % len(PALETTE)])
    return out


def _month(
    year: int,
    month: int,
    marks: tuple[Mark, ...],
    workdays: WorkCalendar,
    voting: dict[date, list[str]],
) -> Month:
    first = date(year, month, 1)
    last = date(year, month, stdcal.monthrange(year, month)[1])
    band = tuple(
        i
        for i, m in enumerate(marks)
        if m.start <= first
        and m.ref.stage.end >= last
        and (m.ref.stage.end - m.start).days + 1 >= BACKGROUND_DAYS
    )
    in_cells: set[int] = set()
    weeks: list[tuple[Day, ...]] = []
    for week in stdcal.Calendar(firstweekday=0).monthdatescalendar(year, month):
        days = []
        for day in week:
            running = tuple(i for i, m in enumerate(marks) if i not in band and _runs(m, day))
            if day.month == month:
                in_cells.update(running)
            days.append(
                Day(
                    day,
                    day.month == month,
                    running,
                    tuple(voting.get(day, ())),
                    workdays.closed(day),
                )
            )
        weeks.append(tuple(days))
    segments = ln.place(
        [[(d.day, d.in_month, d.marks) for d in week] for week in weeks],
        [m.rank for m in marks],
        [m.ref.stage.start for m in marks],
    )
    return Month(year, month, tuple(weeks), tuple(sorted(in_cells)), band, segments)


def _runs(mark: Mark, day: date) -> bool:
    return mark.start <= day <= mark.ref.stage.end
